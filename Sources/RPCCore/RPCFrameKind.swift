/// What a frame does to its stream; mirrors `plutus.v1.FrameKind` on the wire.
public enum RPCFrameKind: Hashable, Sendable {
    /// Client → server: opens a stream with the method, deadline, metadata and the request message.
    case request
    /// Server → client: one response message (one for unary calls, any number when streaming).
    case message
    /// Server → client: the call is over, with its status.
    case end
    /// Client → server: the caller gave up; the server stops the handler and sends nothing more.
    case cancel
}
