public import Logging
public import PlutusCluster
public import PlutusWire
public import RPCTransport
public import ServiceLifecycle

/// Runs one Plutus service process: logging, the RPC listener with the Health service, the
/// clients of the services it calls, and a graceful shutdown on SIGTERM or SIGINT.
public struct ServiceRuntime: Sendable {
    public let configuration: ServiceConfiguration
    public let logger: Logger

    /// Sets up process-wide logging (structured `key=value` metadata on standard error, with the
    /// service and instance) and returns the runtime.
    public static func bootstrap(_ configuration: ServiceConfiguration) -> ServiceRuntime {
        let level = configuration.logLevel
        let metadata: Logger.Metadata = [
            "service": "\(configuration.kind.rawValue)", "instance": "\(configuration.instance)",
        ]
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            handler.metadata = metadata
            return handler
        }
        return ServiceRuntime(configuration: configuration, logger: Logger(label: configuration.kind.executable))
    }

    /// A client of `upstream`, configured like this service's own listener (token, frame size).
    public func client(of upstream: ServiceKind, target: RPCTarget) -> RPCClient {
        RPCClient(
            service: upstream.rawValue, target: target, configuration: configuration.clientConfiguration, logger: logger)
    }

    /// Serves `router` (plus `plutus.v1.Health/Check`) until SIGTERM or SIGINT, running the
    /// clients' health checks alongside; then drains calls in flight and closes the clients.
    ///
    /// - Parameters:
    ///   - background: work that runs beside the listener (an event consumer, a maintenance
    ///     loop); it stops after the listener has drained and before the clients close.
    ///   - health: the status of a named service, for names beyond the process (`""`)
    ///     and this service's own, which are `SERVING` while it runs; `nil` means unknown.
    public func serve(
        _ router: RPCRouter, clients: [RPCClient] = [], background: [any Service] = [],
        health: @escaping @Sendable (String) -> ServingStatus? = { _ in nil }
    ) async throws {
        var router = router
        let ownName = configuration.kind.rpcService
        HealthService { name in
            if name.isEmpty || name == ownName { return .serving }
            return health(name) ?? .serviceUnknown
        }.register(in: &router)
        let server = RPCServerService(
            address: configuration.listen, router: router,
            configuration: RPCServer.Configuration(
                maximumFrameSize: configuration.maximumFrameSize,
                maximumConcurrentCallsPerConnection: configuration.maximumConcurrentCalls,
                clusterToken: configuration.clusterToken),
            grace: configuration.shutdownGrace, logger: logger)
        // Shutdown runs in reverse: the listener drains first, then the clients its calls used close.
        let services: [ServiceGroupConfiguration.ServiceConfiguration] =
            clients.map { .init(service: RPCClientService(client: $0)) } + background.map { .init(service: $0) }
            + [.init(service: server)]
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
