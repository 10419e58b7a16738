public import Logging
public import Postgres
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
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let created = try await client.query("SELECT plutus_ensure_message_partitions(3) AS created")
                        .first?.decode("created", as: Int.self) ?? 0
                    if created > 0 { logger.info("message partitions created ahead", metadata: ["count": "\(created)"]) }
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning("could not make message partitions ahead; retrying later", metadata: ["error": "\(error)"])
                }
                try await Task.sleep(for: interval)
            }
        }
    }
}
