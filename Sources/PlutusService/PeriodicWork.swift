public import Logging
public import ServiceLifecycle

/// Maintenance that runs at start and then every `interval` until the task is cancelled or a
/// graceful shutdown begins (which ends its wait at once). A failed round is logged and the
/// work tried again next round.
public struct PeriodicWork: Service {
    private let interval: Duration
    private let what: String
    private let logger: Logger
    private let work: @Sendable () async throws -> Void

    /// - Parameter what: the work, as the log's warning names it ("prune checkpoints").
    public init(every interval: Duration, what: String, logger: Logger, _ work: @escaping @Sendable () async throws -> Void) {
        self.interval = interval
        self.what = what
        self.logger = logger
        self.work = work
    }

    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await work()
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning("could not \(what); retrying later", metadata: ["error": "\(error)"])
                }
                try await Task.sleep(for: interval)
            }
        }
    }
}
