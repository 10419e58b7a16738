import ArgumentParser

/// The echo implementations, from the bare floor up to the whole RPC, each adding one layer.
enum EchoSide: String, CaseIterable, Sendable, ExpressibleByArgument {
    /// Bare NIO, client and server in channel handlers.
    case floor
    /// The floor's server; a client that awaits each call from a task, as the RPC client does.
    case asyncFloor = "async-floor"
    /// The RPC client; a server doing the RPC server's frame work on the event loop, with no task.
    case rpcInlineServer = "rpc-inline-server"
    /// The RPC client and ``RPCServer``.
    case rpc
}
