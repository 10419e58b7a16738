import ContextEngine
import Logging
import PlutusTestSupport
import PlutusWire
import Redis
import RPCCore
import Testing

/// The Redis cache in front of the builder: hits, misses, invalidation, single flight, outages.
@Suite struct ContextCacheTests {
    @Test func aSecondReadIsServedFromTheCache() async throws {
        try await Household.with { household in
            let engine = household.engine(cache: household.cache())
            let first = try await engine.context(of: household.userID)
            // Changed behind the engine's back: a cache hit does not see it.
            try await household.database.query(
                "UPDATE users SET name = 'Changed Directly' WHERE id = \(household.userID)::uuid")
            let second = try await engine.context(of: household.userID)
            #expect(second.profile?.name == "Avery Quinn")
            #expect(second == first)
            #expect(await engine.builds == 1)
            let ttl = try await household.redis.pttl("plutus:context:\(household.userID)")
            guard case .expires(in: let remaining) = ttl else { Issue.record("no TTL: \(ttl)"); return }
            #expect(remaining <= .seconds(60) && remaining > .seconds(50))
        }
    }

    @Test func anEntryPastItsTTLIsBuiltAgain() async throws {
        try await Household.with { household in
            let engine = household.engine(cache: household.cache(ttl: .milliseconds(300)))
            _ = try await engine.context(of: household.userID)
            try await household.database.query("UPDATE users SET name = 'Later' WHERE id = \(household.userID)::uuid")
            try await Task.sleep(for: .milliseconds(400))
            #expect(try await engine.context(of: household.userID).profile?.name == "Later")
            #expect(await engine.builds == 2)
        }
    }

    @Test func everyChangeInvalidates() async throws {
        try await Household.with { household in
            let engine = household.engine(cache: household.cache())
            #expect(try await engine.context(of: household.userID).version == 0)
            try await household.database.query(
                "UPDATE account_balances SET balance = 6000.00 WHERE account_id = 'a0000000-0000-0000-0000-000000000001' AND as_of = current_date - 2")
            let refreshed = try await engine.refresh(userID: household.userID, reason: "test")
            #expect(refreshed.version == 1)
            let read = try await engine.context(of: household.userID)
            #expect(read.version == 1)
            #expect(read.netWorth?.netWorthCents == 74_265_94)
            // An update from the conversation is a change too.
            let update = ContextUpdate(
                userID: household.userID, goals: [Goal(type: "travel", title: "Japan in spring", targetAmountCents: 6_000_00)],
                reason: "goal_extraction", runID: "run-1:context_update")
            #expect(try await engine.apply(update).version == 2)
            let afterUpdate = try await engine.context(of: household.userID)
            #expect(afterUpdate.version == 2)
            #expect(afterUpdate.goals.map(\.title).contains("Japan in spring"))
        }
    }

    @Test func concurrentMissesBuildOnce() async throws {
        try await Household.with { household in
            let engine = household.engine(cache: household.cache())
            let contexts = try await withThrowingTaskGroup(of: UserContext.self) { group in
                for _ in 0..<32 { group.addTask { try await engine.context(of: household.userID) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(contexts.count == 32)
            #expect(Set(contexts.map(\.builtAtUnixMs)).count == 1)
            #expect(await engine.builds == 1)
        }
    }

    @Test func aContextBuiltBeforeAChangeIsNotCachedAfterIt() async throws {
        try await Household.with { household in
            let cache = household.cache()
            let stale = try await household.engine().context(of: household.userID)
            let generation = await cache.generation(of: household.userID)
            await cache.invalidate(household.userID)  // the change lands while the build ran
            #expect(await !cache.store(stale, ifStill: generation))
            #expect(await cache.context(of: household.userID) == nil)
            let fresh = await cache.generation(of: household.userID)
            #expect(await cache.store(stale, ifStill: fresh))
            #expect(await cache.context(of: household.userID) == stale)
        }
    }

    @Test func aNewerVersionIsReadThroughAStaleEntry() async throws {
        try await Household.with { household in
            let cache = household.cache()
            let engine = household.engine(cache: cache)
            let old = try await engine.context(of: household.userID)
            // Another replica made version 1 and its invalidation has not been seen here.
            _ = try await household.engine().refresh(userID: household.userID, reason: "elsewhere")
            #expect(try await engine.context(of: household.userID) == old)
            #expect(try await engine.context(of: household.userID, minVersion: 1).version == 1)
        }
    }

    @Test func aChangeOnlyInvalidates() async throws {
        try await Household.with { household in
            let cache = household.cache()
            let engine = household.engine(cache: cache)
            _ = try await engine.context(of: household.userID)
            #expect(await cache.entry(of: household.userID) != nil)
            _ = try await engine.refresh(userID: household.userID, reason: "api")
            #expect(await cache.entry(of: household.userID) == nil)
            #expect(try await engine.context(of: household.userID).version == 1)
            #expect(await cache.entry(of: household.userID)?.version == 1)
        }
    }

    @Test func anInvalidationRedisDidNotTakeHidesTheEntryUntilItGoesThrough() async throws {
        try await Household.with { household in
            let cache = household.cache()
            let engine = household.engine(cache: cache)
            _ = try await engine.context(of: household.userID)
            // A generation that INCR refuses: the invalidation script fails, as on a Redis hiccup.
            let generationKey = "plutus:context:\(household.userID):gen"
            try await household.redis.set(generationKey, to: "not a number")
            await cache.invalidate(household.userID)
            #expect(await cache.entry(of: household.userID) == nil)
            try await household.database.query("UPDATE users SET name = 'Changed' WHERE id = \(household.userID)::uuid")
            #expect(try await engine.context(of: household.userID).profile?.name == "Changed")
            // Redis takes it once it can: the entry from before the change is gone for good.
            _ = try await household.redis.del([generationKey])
            #expect(await cache.entry(of: household.userID) == nil)
            #expect(try await household.redis.get("plutus:context:\(household.userID)") == nil)
            #expect(try await engine.context(of: household.userID).profile?.name == "Changed")
        }
    }

    @Test func anUndecodableEntryIsAMiss() async throws {
        try await Household.with { household in
            let engine = household.engine(cache: household.cache())
            try await household.redis.set("plutus:context:\(household.userID)", to: [0xFF, 0xFF, 0xFF])
            #expect(try await engine.context(of: household.userID).profile?.name == "Avery Quinn")
        }
    }

    @Test func withRedisDownContextsComeFromPostgreSQL() async throws {
        try await Household.with { household in
            // Nothing listens on port 1: every Redis call fails at once, as with a stopped server.
            let deadRedis = try RedisClient(url: "redis://127.0.0.1:1/0", logger: Household.logger)
            let engine = household.engine(cache: ContextCache(redis: deadRedis, logger: Household.logger))
            let context = try await engine.context(of: household.userID)
            #expect(context.netWorth?.netWorthCents == 73_265_94)
            #expect(try await engine.refresh(userID: household.userID, reason: "redis down").version == 1)
            #expect(try await engine.context(of: household.userID).version == 1)
            await deadRedis.shutdown()
        }
    }

    @Test func withoutTheVectorStoreTheContextSaysItHasNoMemories() async throws {
        struct Unreachable: MemorySource {
            func memories(of userID: String, about topic: String, metadata: RPCMetadata) async throws -> [Memory] {
                throw RPCError(code: .unavailable, message: "no replica of vector is reachable")
            }
            func remember(_ memories: [NewMemory], of userID: String, metadata: RPCMetadata) async throws {
                throw RPCError(code: .unavailable, message: "no replica of vector is reachable")
            }
        }
        struct Remembers: MemorySource {
            func memories(of userID: String, about topic: String, metadata: RPCMetadata) async throws -> [Memory] {
                [Memory(id: "m1", text: "Wants to retire at 55", distance: 0.2, kind: "insight")]
            }
            func remember(_ memories: [NewMemory], of userID: String, metadata: RPCMetadata) async throws {}
        }
        try await Household.with { household in
            let without = try await household.engine(memories: Unreachable()).context(of: household.userID)
            #expect(without.memoriesUnavailable)
            #expect(without.memories.isEmpty)
            #expect(without.netWorth?.netWorthCents == 73_265_94)
            let with = try await household.engine(memories: Remembers()).context(of: household.userID)
            #expect(!with.memoriesUnavailable)
            #expect(with.memories.map(\.text) == ["Wants to retire at 55"])
        }
    }
}
