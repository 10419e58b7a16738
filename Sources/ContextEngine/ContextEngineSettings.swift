public import PlutusData
import PlutusService
public import Postgres
public import Redis

/// What `plutus-context` needs beyond every service's settings, each from a flag or the
/// environment: the databases, the data key, the host app's table names, the cache's time to live.
public struct ContextEngineSettings: Sendable {
    public let database: PostgresConfiguration
    public let redis: RedisConfiguration
    public let cipher: DataCipher
    public let hostTables: HostTables
    public let cacheTTL: Duration
    /// How many contexts each process keeps in memory in front of Redis (0: none).
    public let localCacheEntries: Int
    public let consumesEvents: Bool
    /// The stream of account events, its consumer group, and how long an entry may sit with a
    /// silent consumer before another takes it over.
    public let eventsStream: String
    public let eventsGroup: String
    public let eventsClaimIdle: Duration

    /// - Parameters: the flags' values (`nil` when not given); the rest comes from `environment`.
    /// - Throws: ``ConfigurationError`` naming the first setting that is missing or bad.
    public init(
        databaseURL: String?, redisURL: String?, cacheTTLSeconds: String?, localCacheEntries: String? = nil,
        events: String?,
        eventsStream: String? = nil, eventsGroup: String? = nil, eventsClaimIdleMilliseconds: String? = nil,
        environment: [String: String]
    ) throws {
        let settings = SettingResolver(environment: environment)
        database = try settings.required(databaseURL, flag: "--database-url", variable: "DATABASE_URL") {
            try PostgresConfiguration(url: $0, maximumConnections: 16, applicationName: "plutus-context")
        }
        redis = try settings.required(redisURL, flag: "--redis-url", variable: "REDIS_URL") {
            var configuration = try RedisConfiguration(url: $0)
            configuration.poolSize = 16
            return configuration
        }
        // The data key is never a flag: flags show in `ps`.
        cipher = try settings.required(nil, flag: "(environment only)", variable: "PLUTUS_DATA_KEY") {
            try DataCipher(keyList: $0)
        }
        hostTables = try settings.optional(nil, flag: "(environment only)", variable: "PLUTUS_HOST_TABLES") {
            try HostTables(overrides: $0)
        } ?? HostTables()
        let ttl = try settings.optional(cacheTTLSeconds, flag: "--context-ttl-seconds", variable: "PLUTUS_CONTEXT_TTL_SECONDS") {
            try SettingResolver.integer($0, in: 1...86_400)
        } ?? 3_600
        cacheTTL = .seconds(ttl)
        self.localCacheEntries = try settings.optional(
            localCacheEntries, flag: "--context-local-entries", variable: "PLUTUS_CONTEXT_LOCAL_ENTRIES"
        ) { try SettingResolver.integer($0, in: 0...1_000_000) } ?? 4_096
        consumesEvents = try settings.optional(events, flag: "--events", variable: "PLUTUS_CONTEXT_EVENTS") { value in
            switch value {
            case "on": return true
            case "off": return false
            default: throw SettingError("expected on or off")
            }
        } ?? true
        self.eventsStream =
            try settings.optional(eventsStream, flag: "--events-stream", variable: "PLUTUS_EVENTS_STREAM") { $0 }
            ?? "wealthify:events"
        self.eventsGroup =
            try settings.optional(eventsGroup, flag: "--events-group", variable: "PLUTUS_EVENTS_GROUP") { $0 }
            ?? "plutus-context"
        let claimIdle = try settings.optional(
            eventsClaimIdleMilliseconds, flag: "--events-claim-idle-ms", variable: "PLUTUS_EVENTS_CLAIM_IDLE_MS"
        ) { try SettingResolver.integer($0, in: 100...3_600_000) } ?? 30_000
        eventsClaimIdle = .milliseconds(claimIdle)
    }
}
