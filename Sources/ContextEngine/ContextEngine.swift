import Foundation
public import Logging
public import PlutusData
public import PlutusWire
public import Postgres
public import RPCCore
import Synchronization

/// The context engine: a user's financial context, built from PostgreSQL, cached in Redis,
/// versioned, and kept current as things change.
///
/// Reads go to the cache first; a miss builds the context once however many callers ask for it
/// at the same moment (single flight). Every change (a refresh, an update from the conversation,
/// an account event) stores a new version and invalidates the cache. Without Redis the engine
/// serves from PostgreSQL; without the vector store it serves contexts that say they have no memories.
public final class ContextEngine: Sendable {
    private let client: PostgresClient
    private let cache: ContextCache?
    private let builder: ContextBuilder
    public let versions: ContextVersions
    private let memorySource: any MemorySource
    private let flights = SingleFlight<String, UserContext>()
    /// Whether the last memory lookup failed: an outage is logged when it starts and ends, not per context.
    private let memoriesAreDown = Mutex(false)
    private let logger: Logger

    /// - Parameter cache: `nil` to serve every read from PostgreSQL.
    public init(
        client: PostgresClient, cache: ContextCache?, hostTables: HostTables, cipher: DataCipher,
        memories: any MemorySource, logger: Logger
    ) {
        self.client = client
        self.cache = cache
        self.builder = ContextBuilder(hostTables: hostTables, cipher: cipher)
        self.versions = ContextVersions(client: client, builder: builder, cipher: cipher)
        self.memorySource = memories
        self.logger = logger
    }

    /// How many contexts were built from PostgreSQL for reads (not counting refreshes and updates).
    public var builds: Int { get async { await flights.started } }

    /// The current context of `userID`, at least as new as `minVersion`.
    /// - Throws: ``ContextEngineError``, or the database's error when PostgreSQL cannot answer.
    /// - Parameter topic: when given, the memories closest to it (the person's message) replace those of the
    ///   person's situation that the cached context carries.
    public func context(
        of userID: String, minVersion: Int64 = 0, topic: String = "", metadata: RPCMetadata = [:]
    ) async throws -> UserContext {
        let userID = try ContextEngineError.normalizedUserID(userID)
        var context: UserContext
        if let cached = await cache?.context(of: userID), cached.version >= minVersion {
            context = cached
        } else {
            context = try await build(userID, minVersion: minVersion, metadata: metadata)
        }
        if !topic.isEmpty { await attachMemories(to: &context, topic: topic, metadata: metadata) }
        return context
    }

    /// The current context of `userID`, encoded: a cache hit is passed on as stored, never
    /// decoded and encoded again. What `GetContext` answers with.
    /// - Parameter metadata: for the calls a miss makes (to the vector store); asked for only then.
    public func encodedContext(
        of userID: String, minVersion: Int64 = 0, topic: String = "", metadata: () -> RPCMetadata = { [:] }
    ) async throws -> [UInt8] {
        guard topic.isEmpty else {
            return try await context(of: userID, minVersion: minVersion, topic: topic, metadata: metadata()).serializedBytes()
        }
        let userID = try ContextEngineError.normalizedUserID(userID)
        if let entry = await cache?.entry(of: userID), entry.version >= minVersion {
            return entry.encoded
        }
        return try await build(userID, minVersion: minVersion, metadata: metadata()).serializedBytes()
    }

    /// Builds the context from PostgreSQL once however many callers miss at the same moment,
    /// and caches it unless the data changed meanwhile. A caller that joined a build begun before
    /// the version it needs was stored builds once more.
    private func build(_ userID: String, minVersion: Int64, metadata: RPCMetadata) async throws -> UserContext {
        let shared = try await flights.run(userID) { [self] in try await buildAndCache(userID, metadata: metadata) }
        guard shared.version < minVersion else { return shared }
        return try await buildAndCache(userID, metadata: metadata)
    }

    private func buildAndCache(_ userID: String, metadata: RPCMetadata) async throws -> UserContext {
        let generation = await cache?.generation(of: userID)
        var context = try await client.withConnection { connection in
            try await builder.build(userID: userID, on: connection, ownSnapshot: true)
        }
        await attachMemories(to: &context, metadata: metadata)
        await cache?.store(context, ifStill: generation)
        return context
    }

    /// Rebuilds the context of `userID` and stores it as a new version (once per `runID`, when given).
    public func refresh(userID: String, reason: String, runID: String = "") async throws -> UserContext {
        let context = try await versions.refresh(userID: userID, reason: reason, runID: runID)
        return await changed(context)
    }

    /// Applies what the conversation learned and stores the result as a new version (once per run id).
    /// Its insights are remembered in the vector store too (when it cannot take them, they are kept in
    /// PostgreSQL and the miss is logged).
    public func apply(_ update: ContextUpdate, metadata: RPCMetadata = [:]) async throws -> UserContext {
        let context = try await versions.apply(update)
        await remember(Self.memories(of: update), of: context.userID, metadata: metadata)
        return await changed(context)
    }

    /// Keeps `memories` in the vector store; a failure is logged, not thrown: they are derived from data
    /// PostgreSQL keeps.
    public func remember(_ memories: [NewMemory], of userID: String, metadata: RPCMetadata = [:]) async {
        guard !memories.isEmpty else { return }
        do {
            try await memorySource.remember(memories, of: userID, metadata: metadata)
        } catch {
            logger.warning(
                "memories not kept: the vector store did not take them",
                metadata: ["user_id": "\(userID)", "memories": "\(memories.count)", "error": "\(error)"])
        }
    }

    /// The update's insights as memories, each with an id that stays the same when the update is sent again.
    static func memories(of update: ContextUpdate, now: Date = Date()) -> [NewMemory] {
        update.insights.enumerated().compactMap { index, insight in
            guard !insight.content.isEmpty else { return nil }
            let id = insight.id.isEmpty ? "\(update.runID.isEmpty ? "update" : update.runID):\(index)" : insight.id
            let day = insight.extractedAtUnixMs > 0 ? Date(timeIntervalSince1970: Double(insight.extractedAtUnixMs) / 1000) : now
            return NewMemory(id: "insight:\(id)", text: insight.content, kind: "insight", on: day)
        }
    }


    /// The newest versions of `userID`'s context first.
    public func history(userID: String, limit: Int = 50) async throws -> [ContextVersionInfo] {
        try await versions.history(userID: userID, limit: limit)
    }

    /// After a change: invalidate, so the next read builds from the data as it now stands. (Storing
    /// the context just made could race another change's invalidation and keep an older version.)
    private func changed(_ context: UserContext) async -> UserContext {
        await cache?.invalidate(context.userID)
        return context
    }

    private func attachMemories(to context: inout UserContext, topic: String? = nil, metadata: RPCMetadata) async {
        let topic = topic ?? (["financial situation"] + context.goals.map(\.title)).joined(separator: "; ")
        do {
            context.memories = try await memorySource.memories(of: context.userID, about: topic, metadata: metadata)
            context.memoriesUnavailable = false
            if memoriesAreDown.withLock({ wasDown in defer { wasDown = false }; return wasDown }) {
                logger.notice("the vector store answers again: contexts carry memories")
            }
        } catch {
            context.memories = []
            context.memoriesUnavailable = true
            if !memoriesAreDown.withLock({ wasDown in defer { wasDown = true }; return wasDown }) {
                logger.warning(
                    "building contexts without memories: the vector store did not answer",
                    metadata: ["user_id": "\(context.userID)", "error": "\(error)"])
            }
        }
    }
}
