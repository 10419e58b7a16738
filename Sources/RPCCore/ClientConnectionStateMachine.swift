/// The calls one client connection carries, and what each frame from the server means for them.
public struct ClientConnectionStateMachine: Sendable {
    /// What the connection should do with a frame from the server.
    public enum InboundAction: Hashable, Sendable {
        /// Hand the payload to the call waiting on this stream.
        case deliverMessage(streamID: UInt64)
        /// The call is over with this status; complete it.
        case finishCall(streamID: UInt64)
        /// A frame for a call this side already gave up: drop it.
        case ignore
        /// The server broke the protocol: fail every call and close.
        case closeConnection(reason: String)
    }

    private var openStreams: Set<UInt64> = []
    private var cancelledStreams: Set<UInt64> = []
    private var nextStreamID: UInt64 = 1
    private var isClosed = false

    public init() {}

    /// Calls waiting for their end.
    public var activeCalls: Int { openStreams.count }

    /// Opens a stream for a new call; `nil` once the connection closed.
    public mutating func openStream() -> UInt64? {
        guard !isClosed else { return nil }
        let streamID = nextStreamID
        nextStreamID += 1
        openStreams.insert(streamID)
        return streamID
    }

    public mutating func receive(_ kind: RPCFrameKind, streamID: UInt64) -> InboundAction {
        switch kind {
        case .message:
            if openStreams.contains(streamID) { return .deliverMessage(streamID: streamID) }
            return unknownStream(streamID, kind)
        case .end:
            if openStreams.remove(streamID) != nil { return .finishCall(streamID: streamID) }
            if cancelledStreams.remove(streamID) != nil { return .ignore }
            return unknownStream(streamID, kind)
        case .request, .cancel:
            return .closeConnection(reason: "a server sent a \(kind) frame on stream \(streamID)")
        }
    }

    /// The caller gave up; `true` when a CANCEL frame should be sent.
    public mutating func cancel(streamID: UInt64) -> Bool {
        guard openStreams.remove(streamID) != nil else { return false }
        cancelledStreams.insert(streamID)
        return true
    }

    /// The connection is gone: the calls to fail with `UNAVAILABLE`.
    public mutating func connectionClosed() -> [UInt64] {
        isClosed = true
        defer {
            openStreams.removeAll()
            cancelledStreams.removeAll()
        }
        return openStreams.sorted()
    }

    private func unknownStream(_ streamID: UInt64, _ kind: RPCFrameKind) -> InboundAction {
        if cancelledStreams.contains(streamID) || (streamID > 0 && streamID < nextStreamID) { return .ignore }
        return .closeConnection(reason: "a \(kind) frame for stream \(streamID), which was never opened")
    }
}
