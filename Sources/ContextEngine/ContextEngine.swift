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
    public func context(of userID: String, minVersion: Int64 = 0, metadata: RPCMetadata = [:]) async throws -> UserContext {
        let userID = try ContextEngineError.normalizedUserID(userID)
        if let cached = await cache?.context(of: userID), cached.version >= minVersion {
            return cached
        }
        return try await build(userID, minVersion: minVersion, metadata: metadata)
    }

    /// The current context of `userID`, encoded: a cache hit is passed on as stored, never
    /// decoded and encoded again. What `GetContext` answers with.
    public func encodedContext(of userID: String, minVersion: Int64 = 0, metadata: RPCMetadata = [:]) async throws
        -> [UInt8]
    {
        let userID = try ContextEngineError.normalizedUserID(userID)
        if let entry = await cache?.entry(of: userID), entry.version >= minVersion {
            return entry.encoded
        }
        return try await build(userID, minVersion: minVersion, metadata: metadata).serializedBytes()
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
    public func apply(_ update: ContextUpdate) async throws -> UserContext {
        let context = try await versions.apply(update)
        return await changed(context)
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

    private func attachMemories(to context: inout UserContext, metadata: RPCMetadata) async {
        let topic = (["financial situation"] + context.goals.map(\.title)).joined(separator: "; ")
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
