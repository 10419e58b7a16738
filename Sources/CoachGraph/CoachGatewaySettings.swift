public import PlutusData
import PlutusService
public import Postgres

/// What the gateway's graph needs beyond every service's settings, from a flag or the
/// environment: the database, the data key, how long finished runs' checkpoints are kept, and
/// when long conversations are folded.
public struct CoachGatewaySettings: Sendable {
    public let database: PostgresConfiguration
    public let cipher: DataCipher
    public let checkpointTTL: Duration
    /// Past this many messages, a conversation's older turns reach the agents folded into a summary.
    public let foldAfter: Int

    /// - Throws: ``ConfigurationError`` naming the first setting that is missing or bad.
    public init(databaseURL: String?, checkpointTTLSeconds: String?, environment: [String: String]) throws {
        let settings = SettingResolver(environment: environment)
        database = try settings.required(databaseURL, flag: "--database-url", variable: "DATABASE_URL") {
            try PostgresConfiguration(url: $0, maximumConnections: 16, applicationName: "plutus-gateway")
        }
        // The data key is never a flag: flags show in `ps`.
        cipher = try settings.required(nil, flag: "(environment only)", variable: "PLUTUS_DATA_KEY") {
            try DataCipher(keyList: $0)
        }
        let ttl = try settings.optional(
            checkpointTTLSeconds, flag: "--checkpoint-ttl-seconds", variable: "PLUTUS_CHECKPOINT_TTL_SECONDS"
        ) { try SettingResolver.integer($0, in: 60...31_536_000) } ?? 86_400
        checkpointTTL = .seconds(ttl)
        foldAfter = try settings.optional(nil, flag: "(environment only)", variable: "PLUTUS_CONVERSATION_FOLD_AFTER") {
            try SettingResolver.integer($0, in: 20...100_000)
        } ?? 100
    }
}
