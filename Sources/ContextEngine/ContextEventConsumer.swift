import Foundation
public import Logging
public import Redis
public import ServiceLifecycle

/// Keeps contexts current from the host app's account events: reads `wealthify:events` in a
/// consumer group, refreshes the user's context for each event, and acknowledges the event only
/// once the new version is stored.
///
/// - A refresh is keyed by the event's stream id, so an event delivered twice (its consumer
///   died between refreshing and acknowledging) adds one version, not two.
/// - Entries a dead consumer left pending are claimed once idle for ``Configuration/claimIdle``.
/// - An event that can never apply (malformed, or about a user who does not exist), or that has
///   failed ``Configuration/maximumDeliveries`` times, moves to the dead-letter stream with the
///   reason, in one atomic step with its acknowledgement: never retried forever, never lost.
public struct ContextEventConsumer: Service {
    public struct Configuration: Sendable {
        public var stream = "wealthify:events"
        public var group = "plutus-context"
        public var consumer: String
        public var deadLetterStream = "wealthify:events:dead"
        /// How long an entry stays with a silent consumer before another claims it.
        public var claimIdle: Duration = .seconds(30)
        /// Deliveries after which a failing event is dead-lettered.
        public var maximumDeliveries = 5
        /// How long one read waits for new events (also how quickly a shutdown is noticed).
        public var block: Duration = .seconds(1)
        public var batchSize = 32

        public init(consumer: String) {
            self.consumer = consumer
        }
    }

    private let redis: RedisClient
    private let engine: ContextEngine
    private let configuration: Configuration
    private let logger: Logger

    public init(redis: RedisClient, engine: ContextEngine, configuration: Configuration, logger: Logger) {
        self.redis = redis
        self.engine = engine
        self.configuration = configuration
        self.logger = logger
    }

    /// Consumes until the task is cancelled or a graceful shutdown begins; Redis outages are
    /// waited out with backoff.
    public func run() async throws {
        var failures = 0
        var groupReady = false
        var lastClaim = ContinuousClock.now - configuration.claimIdle
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                if !groupReady {
                    try await redis.xgroupCreate(configuration.stream, group: configuration.group, startingAt: "0")
                    // Whatever this consumer name held before a restart comes first.
                    try await handle(redis.xreadgroup(
                        group: configuration.group, consumer: configuration.consumer, stream: configuration.stream,
                        id: "0", count: 1000))
                    groupReady = true
                }
                if ContinuousClock.now - lastClaim >= configuration.claimIdle / 2 {
                    try await claimAbandoned()
                    lastClaim = .now
                }
                try await handle(redis.xreadgroup(
                    group: configuration.group, consumer: configuration.consumer, stream: configuration.stream,
                    count: configuration.batchSize, block: configuration.block))
                failures = 0
            } catch is CancellationError {
                return
            } catch {
                failures += 1
                let pauseMilliseconds = min(5_000, 100 << min(failures, 6))
                logger.warning(
                    "reading account events failed; retrying",
                    metadata: ["error": "\(error)", "retry_in_ms": "\(pauseMilliseconds)"])
                try? await Task.sleep(for: .milliseconds(pauseMilliseconds))
            }
        }
    }

    /// Processes one entry: refresh and acknowledge, dead-letter, or leave pending to retry.
    /// - Returns: what happened, for tests.
    @discardableResult
    public func handle(_ entry: RedisStreamEntry) async throws -> Outcome {
        let event: AccountEvent
        do {
            event = try AccountEvent(entry)
        } catch let malformed as MalformedEvent {
            try await deadLetter(entry, reason: "malformed: \(malformed)")
            return .deadLettered
        }
        do {
            let context = try await engine.refresh(
                userID: event.userID, reason: "event:\(event.kind.rawValue)", runID: "event:\(entry.id)")
            try await redis.xack(configuration.stream, group: configuration.group, ids: [entry.id])
            logger.debug(
                "account event applied",
                metadata: ["event.id": "\(entry.id)", "event.type": "\(event.kind.rawValue)", "context.version": "\(context.version)"])
            return .applied(version: context.version)
        } catch let error as ContextEngineError {
            try await deadLetter(entry, reason: "\(error)")
            return .deadLettered
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.warning(
                "applying an account event failed; it stays pending and will be retried",
                metadata: ["event.id": "\(entry.id)", "error": "\(error)"])
            return .leftPending
        }
    }

    public enum Outcome: Sendable, Equatable {
        case applied(version: Int64)
        case deadLettered
        case leftPending
    }

    private func handle(_ entries: [RedisStreamEntry]) async throws {
        for entry in entries {
            if Task.isCancelled { throw CancellationError() }
            try await handle(entry)
        }
    }

    /// Claims entries other consumers left idle; those delivered too often are dead-lettered instead.
    private func claimAbandoned() async throws {
        let pending = try await redis.xpendingEntries(
            configuration.stream, group: configuration.group, minIdleTime: configuration.claimIdle,
            count: configuration.batchSize * 4)
        guard !pending.isEmpty else { return }
        let exhausted = pending.filter { $0.deliveries >= configuration.maximumDeliveries }
        let retry = pending.filter { $0.deliveries < configuration.maximumDeliveries }.map(\.id)
        let claimedExhausted = try await redis.xclaim(
            configuration.stream, group: configuration.group, consumer: configuration.consumer,
            minIdleTime: configuration.claimIdle, ids: exhausted.map(\.id))
        for entry in claimedExhausted {
            let deliveries = exhausted.first { $0.id == entry.id }?.deliveries ?? configuration.maximumDeliveries
            try await deadLetter(entry, reason: "failed \(deliveries) times; last consumers could not apply it")
        }
        let claimed = try await redis.xclaim(
            configuration.stream, group: configuration.group, consumer: configuration.consumer,
            minIdleTime: configuration.claimIdle, ids: retry)
        if !claimed.isEmpty {
            logger.info("claimed account events another consumer left pending", metadata: ["count": "\(claimed.count)"])
        }
        try await handle(claimed)
    }

    /// Moves `entry` to the dead-letter stream with `reason` and acknowledges it, atomically.
    private func deadLetter(_ entry: RedisStreamEntry, reason: String) async throws {
        var fields: [RESPArgument] = []
        for field in entry.fields {
            fields += [RESPArgument(field.name), RESPArgument(field.value)]
        }
        fields += [
            "dead_reason", RESPArgument(reason), "dead_original_id", RESPArgument(entry.id),
            "dead_consumer", RESPArgument(configuration.consumer),
        ]
        _ = try await redis.evalsha(
            Self.moveToDeadLetters, keys: [configuration.stream, configuration.deadLetterStream],
            arguments: [RESPArgument(configuration.group), RESPArgument(entry.id)] + fields)
        logger.warning(
            "account event moved to the dead-letter stream",
            metadata: ["event.id": "\(entry.id)", "reason": "\(reason)", "dead_letter_stream": "\(configuration.deadLetterStream)"])
    }

    /// KEYS: stream, dead-letter stream. ARGV: group, id, then the dead-letter entry's fields.
    private static let moveToDeadLetters = RedisScript(
        """
        redis.call('XADD', KEYS[2], '*', unpack(ARGV, 3))
        return redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
        """)
}
