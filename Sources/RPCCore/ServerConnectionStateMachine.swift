/// The streams of one server-side connection, and what each inbound frame means for them.
///
/// Channel handlers only translate events into calls on this machine and carry out the actions it
/// returns: the protocol rules (stream ids, concurrency bounds, draining) live here, tested
/// without sockets.
public struct ServerConnectionStateMachine: Sendable {
    /// What the connection should do with an inbound frame.
    public enum InboundAction: Hashable, Sendable {
        /// Start the handler for this new stream.
        case startCall(streamID: UInt64)
        /// Answer the stream at once with this status and no handler (concurrency limit, draining).
        case reject(streamID: UInt64, status: RPCStatus)
        /// Cancel the running handler of this stream; send nothing more on it.
        case cancelCall(streamID: UInt64)
        /// Nothing to do (a cancel that crossed the call's end).
        case ignore
        /// The peer broke the protocol: log the reason and close the connection.
        case closeConnection(reason: String)
    }

    /// What the connection should do when a handler finishes.
    public enum FinishAction: Hashable, Sendable {
        /// Send END with the status.
        case sendEnd(streamID: UInt64)
        /// The caller cancelled: send nothing.
        case dropSilently
        /// Send END, then close: the connection was draining and this was its last call.
        case sendEndAndClose(streamID: UInt64)
        /// Close: draining, last call, and the caller had cancelled it.
        case close
    }

    private enum StreamState: Hashable, Sendable {
        case running
        case cancelled
    }

    /// The most calls that may run at once on this connection.
    public let maximumConcurrentCalls: Int
    private var streams: [UInt64: StreamState] = [:]
    private var highestStreamID: UInt64 = 0
    private var isDraining = false

    public init(maximumConcurrentCalls: Int) {
        self.maximumConcurrentCalls = max(1, maximumConcurrentCalls)
    }

    /// Calls whose handlers are still running.
    public var activeCalls: Int { streams.count }

    public mutating func receive(_ kind: RPCFrameKind, streamID: UInt64) -> InboundAction {
        switch kind {
        case .request: receiveRequest(streamID: streamID)
        case .cancel: receiveCancel(streamID: streamID)
        case .message, .end: .closeConnection(reason: "a client sent a \(kind) frame on stream \(streamID)")
        }
    }

    /// The handler of `streamID` returned or threw.
    public mutating func finish(streamID: UInt64) -> FinishAction {
        let state = streams.removeValue(forKey: streamID)
        let closing = isDraining && streams.isEmpty
        switch (state, closing) {
        case (.running, false): return .sendEnd(streamID: streamID)
        case (.running, true): return .sendEndAndClose(streamID: streamID)
        case (_, true): return .close
        case (_, false): return .dropSilently
        }
    }

    /// Whether the handler of `streamID` may still send: it runs, and its caller has not cancelled.
    public func isRunning(streamID: UInt64) -> Bool { streams[streamID] == .running }

    /// Stops taking new calls; `true` when the connection can close at once.
    public mutating func beginDraining() -> Bool {
        isDraining = true
        return streams.isEmpty
    }

    private mutating func receiveRequest(streamID: UInt64) -> InboundAction {
        guard streamID > highestStreamID else {
            return .closeConnection(
                reason: "stream id \(streamID) is not above the last one (\(highestStreamID)); ids only grow")
        }
        highestStreamID = streamID
        if isDraining {
            return .reject(streamID: streamID, status: RPCStatus(code: .unavailable, message: "server is shutting down"))
        }
        guard streams.count < maximumConcurrentCalls else {
            return .reject(
                streamID: streamID,
                status: RPCStatus(
                    code: .resourceExhausted,
                    message: "more than \(maximumConcurrentCalls) concurrent calls on one connection"))
        }
        streams[streamID] = .running
        return .startCall(streamID: streamID)
    }

    private mutating func receiveCancel(streamID: UInt64) -> InboundAction {
        guard streams[streamID] == .running else { return .ignore }
        streams[streamID] = .cancelled
        return .cancelCall(streamID: streamID)
    }
}
