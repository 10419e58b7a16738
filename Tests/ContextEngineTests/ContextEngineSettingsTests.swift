import ContextEngine
import PlutusData
import PlutusService
import Testing

/// `plutus-context`'s own settings: each bad or missing one stops the service with its name.
@Suite struct ContextEngineSettingsTests {
    static let good: [String: String] = [
        "DATABASE_URL": "postgresql://plutus@127.0.0.1:25432/plutus",
        "REDIS_URL": "redis://127.0.0.1:26379/0",
        "PLUTUS_DATA_KEY": DataCipher.generateKeyEntry(id: "k1"),
    ]

    private func settings(
        _ environment: [String: String], ttl: String? = nil, localEntries: String? = nil, events: String? = nil,
        claimIdle: String? = nil
    ) throws -> ContextEngineSettings {
        try ContextEngineSettings(
            databaseURL: nil, redisURL: nil, cacheTTLSeconds: ttl, localCacheEntries: localEntries, events: events,
            eventsClaimIdleMilliseconds: claimIdle,
            environment: environment)
    }

    @Test func defaults() throws {
        let settings = try settings(Self.good)
        #expect(settings.cacheTTL == .seconds(3600))
        #expect(settings.localCacheEntries == 4096)
        #expect(settings.consumesEvents)
        #expect(settings.eventsStream == "wealthify:events")
        #expect(settings.eventsGroup == "plutus-context")
        #expect(settings.eventsClaimIdle == .seconds(30))
        #expect(settings.hostTables == HostTables())
        #expect(settings.cipher.activeKeyID == "k1")
    }

    @Test(arguments: [
        ("DATABASE_URL", nil, "--database-url / DATABASE_URL"),
        ("DATABASE_URL", "mysql://nope", "--database-url / DATABASE_URL"),
        ("REDIS_URL", nil, "--redis-url / REDIS_URL"),
        ("REDIS_URL", "http://127.0.0.1", "--redis-url / REDIS_URL"),
        ("PLUTUS_DATA_KEY", nil, "PLUTUS_DATA_KEY"),
        ("PLUTUS_DATA_KEY", "k1:c2hvcnQ=", "PLUTUS_DATA_KEY"),
        ("PLUTUS_HOST_TABLES", "users=Robert'); DROP TABLE", "PLUTUS_HOST_TABLES"),
        ("PLUTUS_CONTEXT_TTL_SECONDS", "0", "PLUTUS_CONTEXT_TTL_SECONDS"),
        ("PLUTUS_CONTEXT_TTL_SECONDS", "an hour", "PLUTUS_CONTEXT_TTL_SECONDS"),
        ("PLUTUS_CONTEXT_LOCAL_ENTRIES", "-1", "PLUTUS_CONTEXT_LOCAL_ENTRIES"),
        ("PLUTUS_CONTEXT_LOCAL_ENTRIES", "lots", "PLUTUS_CONTEXT_LOCAL_ENTRIES"),
        ("PLUTUS_CONTEXT_EVENTS", "yes", "PLUTUS_CONTEXT_EVENTS"),
        ("PLUTUS_EVENTS_CLAIM_IDLE_MS", "5", "PLUTUS_EVENTS_CLAIM_IDLE_MS"),
    ] as [(String, String?, String)])
    func aBadOrMissingSettingIsNamed(variable: String, value: String?, named: String) {
        var environment = Self.good
        environment[variable] = value
        let error = #expect(throws: ConfigurationError.self) { try settings(environment) }
        #expect(error?.setting.contains(named) == true, "\(String(describing: error))")
    }

    @Test func flagsWinOverTheEnvironment() throws {
        var environment = Self.good
        environment["PLUTUS_CONTEXT_LOCAL_ENTRIES"] = "100"
        #expect(try settings(environment).localCacheEntries == 100)
        let settings = try settings(environment, ttl: "60", localEntries: "0", events: "off", claimIdle: "250")
        #expect(settings.cacheTTL == .seconds(60))
        #expect(settings.localCacheEntries == 0)
        #expect(!settings.consumesEvents)
        #expect(settings.eventsClaimIdle == .milliseconds(250))
    }
}
