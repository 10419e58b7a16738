public import Logging
public import PlutusWire
public import Redis
import Synchronization

/// The Redis cache of built contexts: `plutus:context:<user>` holds the encoded ``UserContext``
/// for a time to live.
///
/// Invalidation bumps a per-user generation (`plutus:context:<user>:gen`) and deletes the entry; a
/// builder stores its result only if the generation is still the one it read before building,
/// so a context built from data older than the last change never lands in the cache.
///
/// In front of Redis, each process may keep the entries it served last in its own memory (a
/// ``LocalContextCache`` of `localEntries`), trusted while ``invalidationListener`` is subscribed to
/// the channel every invalidation publishes on: a hit there costs no round trip at all.
///
/// Redis being down is not an error here: reads miss, writes are skipped, and the outage is
/// logged once when it starts and once when it ends. An invalidation Redis did not take is
/// remembered: that user's entry counts as a miss until Redis answers again and the
/// invalidation goes through, so a change is never hidden behind an entry made before it.
public final class ContextCache: Sendable {
    private let redis: RedisClient
    private let ttl: Duration
    private let logger: Logger
    let local: LocalContextCache?
    private let isDown = Mutex(false)
    /// Users whose invalidation Redis did not take yet.
    private let unsentInvalidations = Mutex<Set<String>>([])

    /// The generation a builder read before building; `nil` when Redis did not answer.
    public struct Generation: Sendable, Equatable {
        let value: String
        /// When the read began, for the local tier.
        let ticket: LocalContextCache.Ticket?
    }

    /// The channel every invalidation is published on, with the user id as the message.
    public static let invalidationChannel = "plutus:context:invalidations"

    /// The longest a local entry is served: the bound on staleness should a dead subscription go unnoticed.
    public static let localMaximumAge: Duration = .seconds(60)

    /// - Parameter localEntries: how many entries this process keeps in memory in front of Redis (0: none).
    ///   They are served only while ``invalidationListener`` runs.
    public init(redis: RedisClient, ttl: Duration = .seconds(3600), localEntries: Int = 0, logger: Logger) {
        self.redis = redis
        self.ttl = ttl
        self.logger = logger
        self.local =
            localEntries > 0 ? LocalContextCache(capacity: localEntries, maximumAge: min(ttl, Self.localMaximumAge)) : nil
    }

    /// Whether reads are being served from this process's memory: it keeps local entries and its
    /// ``invalidationListener`` is subscribed.
    public var servesFromMemory: Bool { local?.isLive ?? false }

    /// The service that keeps the local entries trusted (see ``ContextInvalidationListener``), to run
    /// beside the engine; `nil` without local entries.
    public var invalidationListener: ContextInvalidationListener? {
        local.map { ContextInvalidationListener(redis: redis, channel: Self.invalidationChannel, local: $0, logger: logger) }
    }

    private var ttlMilliseconds: Int64 {
        max(1, ttl.components.seconds * 1000 + ttl.components.attoseconds / 1_000_000_000_000_000)
    }

    static func entryKey(_ userID: String) -> String { "plutus:context:\(userID)" }
    static func generationKey(_ userID: String) -> String { "plutus:context:\(userID):gen" }

    /// A cached context as stored: its version, and the encoded ``UserContext``.
    public struct Entry: Sendable, Equatable {
        public let version: Int64
        public let encoded: [UInt8]
    }

    /// The cached context, or `nil` on a miss, an undecodable entry, or Redis being down.
    public func context(of userID: String) async -> UserContext? {
        guard let entry = await entry(of: userID) else { return nil }
        do {
            return try UserContext(serializedBytes: entry.encoded)
        } catch {
            logger.warning("dropping an undecodable cached context", metadata: ["user_id": "\(userID)", "error": "\(error)"])
            return nil
        }
    }

    /// The cached entry, without decoding the context: what a hit that only passes the context
    /// on needs. `nil` on a miss, a malformed entry, or Redis being down.
    public func entry(of userID: String) async -> Entry? {
        await retryUnsentInvalidations()
        guard !unsentInvalidations.withLock({ $0.contains(userID) }) else { return nil }
        if let kept = local?.entry(of: userID) { return kept }
        let ticket = local?.ticket(for: userID)
        guard let bytes = await attempt("read", { try await self.redis.get(Self.entryKey(userID)) }) ?? nil else {
            return nil
        }
        guard bytes.count >= 8 else {
            logger.warning("dropping a malformed cached context", metadata: ["user_id": "\(userID)"])
            return nil
        }
        let version = bytes.prefix(8).reduce(Int64(0)) { $0 << 8 | Int64($1) }
        let entry = Entry(version: version, encoded: Array(bytes.dropFirst(8)))
        local?.keep(entry, of: userID, since: ticket)
        return entry
    }

    /// The generation to pass to ``store(_:ifStill:)`` once the context is built.
    public func generation(of userID: String) async -> Generation? {
        let ticket = local?.ticket(for: userID)
        return await attempt("read the generation") {
            Generation(value: try await self.redis.getString(Self.generationKey(userID)) ?? "", ticket: ticket)
        }
    }

    /// Caches `context` unless its user's data changed since `generation` was read.
    /// - Returns: whether it was stored.
    @discardableResult
    public func store(_ context: UserContext, ifStill generation: Generation?) async -> Bool {
        guard let encoded = try? context.serializedBytes() else { return false }
        return await store(Entry(version: context.version, encoded: encoded), of: context.userID, ifStill: generation)
    }

    /// Caches an encoded context unless its user's data changed since `generation` was read.
    @discardableResult
    public func store(_ entry: Entry, of userID: String, ifStill generation: Generation?) async -> Bool {
        guard let generation else { return false }
        // An entry is the version (8 bytes, big-endian), then the encoded context.
        let bytes = (0..<8).map { UInt8(truncatingIfNeeded: entry.version >> (56 - 8 * $0)) } + entry.encoded
        let reply = await attempt("store") {
            try await self.redis.evalsha(
                Self.storeIfCurrent, keys: [Self.entryKey(userID), Self.generationKey(userID)],
                arguments: [RESPArgument(generation.value), RESPArgument(bytes), RESPArgument(self.ttlMilliseconds)])
        }
        guard reply == .integer(1) else { return false }
        local?.keep(entry, of: userID, since: generation.ticket)
        return true
    }

    /// Forgets the cached context of `userID`, and keeps builds already running from storing theirs.
    /// - Returns: the new generation, for storing a context built after the change.
    @discardableResult
    public func invalidate(_ userID: String) async -> Generation? {
        local?.invalidate(userID)
        let reply = await attempt("invalidate") { try await self.bumpGeneration(of: userID) }
        // A read here that began before the bump may have kept the old entry meanwhile (its ticket
        // came after the first local invalidation): drop it and void that ticket, so nothing older
        // than the change is served once this returns, without waiting for our own message.
        local?.invalidate(userID)
        let ticket = local?.ticket(for: userID)
        guard case .integer(let generation) = reply else {
            unsentInvalidations.withLock { _ = $0.insert(userID) }
            return nil
        }
        return Generation(value: String(generation), ticket: ticket)
    }

    /// Bumps the generation, deletes the entry and tells every process's local tier, in one step.
    private func bumpGeneration(of userID: String) async throws -> RESPValue {
        try await redis.evalsha(
            Self.bumpGeneration, keys: [Self.entryKey(userID), Self.generationKey(userID)],
            arguments: [RESPArgument(Self.invalidationChannel), RESPArgument(userID)])
    }

    /// Sends the invalidations Redis did not take, now that it may answer again.
    private func retryUnsentInvalidations() async {
        let users = unsentInvalidations.withLock { $0 }
        for userID in users {
            let reply = try? await bumpGeneration(of: userID)
            guard case .integer = reply else { return }  // still down: try again on the next read
            unsentInvalidations.withLock { _ = $0.remove(userID) }
        }
    }

    /// Runs one Redis operation; on failure logs the start of an outage (once) and returns `nil`.
    private func attempt<T: Sendable>(_ what: String, _ operation: @Sendable () async throws -> T) async -> T? {
        do {
            let value = try await operation()
            if isDown.withLock({ wasDown in defer { wasDown = false }; return wasDown }) {
                logger.notice("redis answers again: the context cache is back")
            }
            return value
        } catch {
            if !isDown.withLock({ wasDown in defer { wasDown = true }; return wasDown }) {
                logger.warning(
                    "redis is unavailable: serving contexts from PostgreSQL without the cache",
                    metadata: ["cache.operation": "\(what)", "error": "\(error)"])
            }
            return nil
        }
    }

    private static let storeIfCurrent = RedisScript(
        """
        local generation = redis.call('GET', KEYS[2]) or ''
        if generation ~= ARGV[1] then return 0 end
        redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
        return 1
        """)

    private static let bumpGeneration = RedisScript(
        """
        local generation = redis.call('INCR', KEYS[2])
        redis.call('DEL', KEYS[1])
        redis.call('PUBLISH', ARGV[1], ARGV[2])
        return generation
        """)
}
