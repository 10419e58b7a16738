public import ArgumentParser

/// The flags every Plutus service takes. Each defaults from a `PLUTUS_*` environment variable,
/// so docker compose configures services by environment and `plutus up` by flags.
public struct ServiceOptions: ParsableArguments, Sendable {
    @Option(help: "Where to listen: unix:///path.sock or tcp://host:port (default: $PLUTUS_LISTEN).")
    public var listen: String?

    @Option(help: "Shared secret for internal calls; required to listen on TCP (default: $PLUTUS_CLUSTER_TOKEN).")
    public var clusterToken: String?

    @Option(help: "trace, debug, info, notice, warning, error or critical (default: $PLUTUS_LOG_LEVEL, else info).")
    public var logLevel: String?

    @Option(help: "Largest frame accepted, in bytes (default: $PLUTUS_MAX_FRAME_BYTES, else 4194304).")
    public var maxFrameBytes: String?

    @Option(help: "Calls one connection may run at once (default: $PLUTUS_MAX_CONCURRENT_CALLS, else 128).")
    public var maxConcurrentCalls: String?

    @Option(help: "Seconds calls in flight get to finish on SIGTERM (default: $PLUTUS_SHUTDOWN_GRACE_SECONDS, else 10).")
    public var shutdownGraceSeconds: String?

    @Option(help: "This instance's name in logs (default: $PLUTUS_INSTANCE, else the service's name).")
    public var instance: String?

    public init() {}
}
