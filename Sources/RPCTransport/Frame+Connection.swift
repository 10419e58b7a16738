import PlutusWire
import RPCCore

// How the connection handlers speak `Frame`: the wire's kinds in the state machines' terms,
// and the frames each side sends.

extension RPCFrameKind {
    /// The state machines' view of a wire frame kind; `nil` for kinds this build does not know.
    init?(_ kind: FrameKind) {
        switch kind {
        case .request: self = .request
        case .message: self = .message
        case .end: self = .end
        case .cancel: self = .cancel
        case .unspecified, .unrecognized: return nil
        }
    }
}

extension Frame {
    static func message(streamID: UInt64, payload: [UInt8]) -> Frame {
        var frame = Frame()
        frame.streamID = streamID
        frame.kind = .message
        frame.payload = payload
        return frame
    }

    /// The end of a call; a unary call's response rides in the same frame. OK travels as no
    /// status at all (its code is 0, the default), which spares a nested message per call.
    static func end(streamID: UInt64, status: RPCStatus, payload: [UInt8] = []) -> Frame {
        var frame = Frame()
        frame.streamID = streamID
        frame.kind = .end
        if status != .ok { frame.status = Status(code: status.code.rawValue, message: status.message) }
        frame.payload = payload
        return frame
    }

    static func request(streamID: UInt64, call: RPCClientCall) -> Frame {
        var frame = Frame()
        frame.streamID = streamID
        frame.kind = .request
        frame.method = call.request.method.fullName
        frame.deadlineUnixMs = call.request.deadline?.unixMilliseconds ?? 0
        frame.metadata = call.request.metadata.dictionary
        frame.payload = call.request.payload
        return frame
    }

    static func cancel(streamID: UInt64) -> Frame {
        var frame = Frame()
        frame.streamID = streamID
        frame.kind = .cancel
        return frame
    }
}
