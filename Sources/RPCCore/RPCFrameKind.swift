/// What a frame does to its stream; mirrors `plutus.v1.FrameKind` on the wire.
public enum RPCFrameKind: Hashable, Sendable {
    /// Client → server: opens a stream with the method, deadline, metadata and the request message.
    case request
    /// Server → client: one response message of a server-streaming call (a unary response travels on END).
    case message
    /// Server → client: the call is over, with its status (and a unary call's response).
    case end
    /// Client → server: the caller gave up; the server stops the handler and sends nothing more.
    case cancel
}
