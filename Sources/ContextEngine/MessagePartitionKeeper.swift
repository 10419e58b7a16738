public import Logging
public import Postgres
import PlutusService
public import ServiceLifecycle

/// Keeps the monthly partitions of `plutus_messages` made three months ahead: once at start, then
/// every `interval`, so a message never waits for its month's partition.
public struct MessagePartitionKeeper: Service {
    private let client: PostgresClient
    private let interval: Duration
    private let logger: Logger

    public init(client: PostgresClient, interval: Duration = .seconds(6 * 3600), logger: Logger) {
        self.client = client
        self.interval = interval
        self.logger = logger
    }

    /// Runs until the task is cancelled or a graceful shutdown begins, which ends its wait at once.
    public func run() async throws {
        try await PeriodicWork(every: interval, what: "make message partitions ahead", logger: logger) {
            let created = try await client.query("SELECT plutus_ensure_message_partitions(3) AS created")
                .first?.decode("created", as: Int.self) ?? 0
            if created > 0 { logger.info("message partitions created ahead", metadata: ["count": "\(created)"]) }
        }.run()
    }
}
