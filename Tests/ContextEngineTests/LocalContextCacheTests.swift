@testable import ContextEngine
import Foundation
import PlutusTestSupport
import Redis
import Testing

/// The in-memory tier in front of Redis: what it keeps, what voids it, and how it follows the
/// invalidation channel (real Redis, real subscriptions). One at a time: each holds a scratch
/// database's connections, and the whole suite runs beside every other.
@Suite(.serialized) struct LocalContextCacheTests {
    private let entry = ContextCache.Entry(version: 3, encoded: [1, 2, 3])

    @Test func nothingIsServedOrKeptUntilTheSubscriptionIsConfirmed() {
        let local = LocalContextCache(capacity: 8, maximumAge: .seconds(60))
        #expect(local.ticket(for: "u1") == nil)
        #expect(!local.keep(entry, of: "u1", since: local.ticket(for: "u1")))
        local.goLive()
        #expect(local.keep(entry, of: "u1", since: local.ticket(for: "u1")))
        #expect(local.entry(of: "u1") == entry)
        #expect(local.entry(of: "u2") == nil)
    }

    @Test func anInvalidationDropsTheEntryAndVoidsReadsBegunBeforeIt() {
        let local = LocalContextCache(capacity: 8, maximumAge: .seconds(60))
        local.goLive()
        local.keep(entry, of: "u1", since: local.ticket(for: "u1"))
        let readBegun = local.ticket(for: "u1")
        local.invalidate("u1")
        #expect(local.entry(of: "u1") == nil)
        // The read that began before the invalidation returns an entry from before the change.
        #expect(!local.keep(entry, of: "u1", since: readBegun))
        #expect(local.entry(of: "u1") == nil)
        #expect(local.keep(entry, of: "u1", since: local.ticket(for: "u1")))
    }

    @Test func goingDarkForgetsEverythingAndVoidsEveryTicket() {
        let local = LocalContextCache(capacity: 8, maximumAge: .seconds(60))
        local.goLive()
        local.keep(entry, of: "u1", since: local.ticket(for: "u1"))
        let readBegun = local.ticket(for: "u2")
        local.goDark()
        #expect(local.count == 0 && !local.isLive)
        #expect(local.entry(of: "u1") == nil)
        local.goLive()
        #expect(local.entry(of: "u1") == nil)
        #expect(!local.keep(entry, of: "u2", since: readBegun))
    }

    @Test func entriesAgeOutAndCapacityIsABound() {
        let local = LocalContextCache(capacity: 3, maximumAge: .seconds(60))
        local.goLive()
        let start = ContinuousClock.now
        for user in 0..<10 { local.keep(entry, of: "u\(user)", since: local.ticket(for: "u\(user)"), now: start) }
        #expect(local.count == 3)
        #expect(local.entry(of: "u9", now: start) == entry)
        #expect(local.entry(of: "u9", now: start + .seconds(59)) == entry)
        #expect(local.entry(of: "u9", now: start + .seconds(60)) == nil)
        #expect(local.count == 2)
    }

    @Test func noLocalEntriesMeansNoListener() async throws {
        try await Household.with { household in
            #expect(household.cache().invalidationListener == nil)
            #expect(!household.cache().servesFromMemory)
        }
    }

    @Test func aHitIsServedFromMemoryWhileTheListenerRuns() async throws {
        try await Household.with { household in
            let cache = household.cache(localEntries: 16)
            try await withListener(of: cache) {
                let engine = household.engine(cache: cache)
                let first = try await engine.context(of: household.userID)
                // Gone from Redis (as past its TTL), and the data changed behind the engine's back:
                // the copy in memory still answers, without a build.
                _ = try await household.redis.del(["plutus:context:\(household.userID)"])
                try await household.database.query("UPDATE users SET name = 'Changed' WHERE id = \(household.userID)::uuid")
                #expect(try await engine.context(of: household.userID) == first)
                #expect(await engine.builds == 1)
            }
            // Without the listener the memory is not trusted: the read goes to Redis, misses and builds.
            let engine = household.engine(cache: cache)
            #expect(!cache.servesFromMemory)
            #expect(try await engine.context(of: household.userID).profile?.name == "Changed")
        }
    }

    @Test func aChangeMadeThroughAnotherProcessDropsTheCopyInMemory() async throws {
        try await Household.with { household in
            let cache = household.cache(localEntries: 16)
            try await withListener(of: cache) {
                let engine = household.engine(cache: cache)
                #expect(try await engine.context(of: household.userID).version == 0)
                #expect(try await engine.context(of: household.userID).version == 0)  // from memory
                // Another replica, with its own Redis connections, stores version 1.
                let other = try RedisClient(url: try LocalServices.redisURL(), logger: Household.logger)
                let elsewhere = household.engine(cache: ContextCache(redis: other, logger: Household.logger))
                #expect(try await elsewhere.refresh(userID: household.userID, reason: "elsewhere").version == 1)
                await other.shutdown()
                try #require(await eventually(timeout: .seconds(60)) { try await engine.context(of: household.userID).version == 1 })
            }
        }
    }

    @Test func aChangeMadeHereIsSeenAtOnce() async throws {
        try await Household.with { household in
            let cache = household.cache(localEntries: 16)
            try await withListener(of: cache) {
                let engine = household.engine(cache: cache)
                _ = try await engine.context(of: household.userID)
                _ = try await engine.refresh(userID: household.userID, reason: "here")
                #expect(try await engine.context(of: household.userID).version == 1)
            }
        }
    }

    @Test func theListenerGoesDarkWhileRedisIsDownAndComesBack() async throws {
        let port = "26393"
        let server = { (command: String) in
            try await ScriptRunner.run("deploy/local/redis.sh", [command, "--name", "context-invalidations-test", "--port", port])
        }
        try await server("start")
        let redis = try RedisClient(url: "redis://127.0.0.1:\(port)/0", logger: Household.logger)
        let cache = ContextCache(redis: redis, localEntries: 16, logger: Household.logger)
        do {
            try await withListener(of: cache) {
                try await server("kill")
                try #require(await eventually(timeout: .seconds(60)) { !cache.servesFromMemory })
                try await server("start")
                try #require(await eventually(timeout: .seconds(60)) { cache.servesFromMemory })
            }
            await redis.shutdown()
            try await server("stop")
        } catch {
            await redis.shutdown()
            _ = try? await server("stop")
            throw error
        }
    }

    /// Runs `body` while `cache`'s invalidation listener runs and is subscribed.
    private func withListener(of cache: ContextCache, _ body: () async throws -> Void) async throws {
        let listener = try #require(cache.invalidationListener)
        let running = Task { try await listener.run() }
        defer { running.cancel() }
        try #require(await eventually(timeout: .seconds(60)) { cache.servesFromMemory })
        try await body()
        running.cancel()
        try await running.value
    }
}
