import ArgumentParser
import ContextEngine
import Foundation
import PlutusCluster
import PlutusService
import Postgres
import RPCTransport
import Redis
import ServiceLifecycle

/// `plutus-context`: serves `plutus.v1.ContextEngine` (GetContext, RefreshContext, ContextHistory,
/// UpdateContext), keeps contexts current from the `wealthify:events` stream, and keeps the
/// messages table's monthly partitions made ahead.
@main
struct ContextCommand: ServiceCommand {
    static let kind = ServiceKind.context

    @OptionGroup var options: ServiceOptions

    @Option(help: "The vector store: unix://, tcp:// (comma-separated) or dns://name:port (default: $PLUTUS_VECTOR_ADDRESS).")
    var vector: String?

    @Option(help: "PostgreSQL, as a libpq URL (default: $DATABASE_URL).")
    var databaseURL: String?

    @Option(help: "Redis: redis://[:password@]host:port/db or unix:///path (default: $REDIS_URL).")
    var redisURL: String?

    @Option(help: "How long a cached context lives, in seconds (default: $PLUTUS_CONTEXT_TTL_SECONDS, else 3600).")
    var contextTTLSeconds: String?

    @Option(help: "How many contexts to keep in memory in front of Redis, 0 for none (default: $PLUTUS_CONTEXT_LOCAL_ENTRIES, else 4096).")
    var contextLocalEntries: String?

    @Option(help: "on or off: consume the account events stream (default: $PLUTUS_CONTEXT_EVENTS, else on).")
    var events: String?

    @Option(help: "The account events stream (default: $PLUTUS_EVENTS_STREAM, else wealthify:events).")
    var eventsStream: String?

    @Option(help: "Its consumer group (default: $PLUTUS_EVENTS_GROUP, else plutus-context).")
    var eventsGroup: String?

    @Option(help: "Milliseconds an event may sit with a silent consumer before another takes it (default: $PLUTUS_EVENTS_CLAIM_IDLE_MS, else 30000).")
    var eventsClaimIdleMs: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let vectorTarget = try target(of: .vector, flag: vector)
        let settings = try ContextEngineSettings(
            databaseURL: databaseURL, redisURL: redisURL, cacheTTLSeconds: contextTTLSeconds,
            localCacheEntries: contextLocalEntries, events: events,
            eventsStream: eventsStream, eventsGroup: eventsGroup, eventsClaimIdleMilliseconds: eventsClaimIdleMs,
            environment: environment)
        let runtime = try bootstrap()
        let vectorClient = runtime.client(of: .vector, target: vectorTarget)
        let database = PostgresClient(configuration: settings.database, logger: runtime.logger)
        let redis = RedisClient(configuration: settings.redis, logger: runtime.logger)
        let cache = ContextCache(
            redis: redis, ttl: settings.cacheTTL, localEntries: settings.localCacheEntries, logger: runtime.logger)
        let engine = ContextEngine(
            client: database, cache: cache,
            hostTables: settings.hostTables, cipher: settings.cipher,
            memories: VectorMemorySource(caller: vectorClient), logger: runtime.logger)
        var router = RPCRouter()
        ContextEngineRPC.register(engine, on: &router)
        var events = ContextEventConsumer.Configuration(consumer: "\(runtime.configuration.instance)-\(getpid())")
        events.stream = settings.eventsStream
        events.group = settings.eventsGroup
        events.deadLetterStream = settings.eventsStream + ":dead"
        events.claimIdle = settings.eventsClaimIdle
        let consumer = ContextEventConsumer(redis: redis, engine: engine, configuration: events, logger: runtime.logger)
        do {
            let partitions = MessagePartitionKeeper(client: database, logger: runtime.logger)
            try await runtime.serve(
                router, clients: [vectorClient],
                background: [cache.invalidationListener, partitions, settings.consumesEvents ? consumer : nil]
                    .compactMap { (service: (any Service)?) in service })
        } catch {
            await shutDown(database, redis)
            throw error
        }
        await shutDown(database, redis)
    }

    private func shutDown(_ database: PostgresClient, _ redis: RedisClient) async {
        await database.shutdown()
        await redis.shutdown()
    }
}
