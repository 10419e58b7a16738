import Logging
import RPCTransport
import ServiceLifecycle

/// The service's RPC listener as a lifecycle service: binds, serves until graceful shutdown, then
/// drains calls in flight for up to the grace period.
struct RPCServerService: Service {
    let address: RPCAddress
    let router: RPCRouter
    let configuration: RPCServer.Configuration
    let grace: Duration
    let logger: Logger

    func run() async throws {
        let server = try await RPCServer.bind(address, router: router, configuration: configuration, logger: logger)
        logger.info("serving", metadata: ["rpc.address": "\(server.address)", "rpc.methods": "\(router.methods)"])
        try? await gracefulShutdown()
        logger.info("shutting down: draining calls in flight", metadata: ["grace_seconds": "\(grace.components.seconds)"])
        try await server.shutdownGracefully(timeout: grace)
        logger.info("stopped")
    }
}

/// A client of other services as a lifecycle service: health checks and DNS re-resolution run
/// until shutdown, then its connections close.
struct RPCClientService: Service {
    let client: RPCClient

    func run() async throws {
        await cancelWhenGracefulShutdown { await client.run() }
        await client.close()
    }
}
