public import Logging
import PlutusService
public import ServiceLifecycle

/// Removes the checkpoints of runs untouched for longer than `ttl` (finished, or never resumed):
/// at start, then every `interval`. A finished run keeps only its last checkpoint from the moment
/// it finishes.
public struct CheckpointPruner: Service {
    private let checkpointer: PostgresCheckpointer
    private let ttl: Duration
    private let interval: Duration
    private let logger: Logger

    public init(checkpointer: PostgresCheckpointer, ttl: Duration, interval: Duration = .seconds(600), logger: Logger) {
        self.checkpointer = checkpointer
        self.ttl = ttl
        self.interval = interval
        self.logger = logger
    }

    /// Runs until the task is cancelled or a graceful shutdown begins, which ends its wait at once.
    public func run() async throws {
        try await PeriodicWork(every: interval, what: "prune checkpoints", logger: logger) {
            let removed = try await checkpointer.prune(olderThan: ttl)
            if removed > 0 { logger.info("old runs' checkpoints pruned", metadata: ["count": "\(removed)"]) }
        }.run()
    }
}
