import Foundation
@testable import LanguageModels
import Logging
import PlutusTestSupport
import Redis
import Testing

/// The rate limits and the response cache, in a real Redis.
@Suite(.timeLimit(.minutes(1)))
struct RedisGuardsTests {
    let redis: RedisClient
    let prefix = "plutus:test:\(UUID().uuidString.lowercased())"

    init() throws {
        redis = try RedisClient(url: LocalServices.redisURL(), logger: Logger(label: "plutus.test.redis"))
    }

    @Test("a user's burst is allowed, the next call is refused with a wait, other users go on")
    func perUserLimit() async throws {
        // One token a minute: nothing refills while the test runs, however slow the machine.
        let limiter = CallRateLimiter(
            redis: redis, perUser: .init(perMinute: 1, burst: 3), global: .init(perMinute: 6_000, burst: 100),
            keyPrefix: prefix)
        for _ in 0..<3 { try await limiter.acquire(for: "alice") }
        let error = await #expect(throws: ModelError.self) { try await limiter.acquire(for: "alice") }
        #expect(error?.kind == .rateLimitExceeded)
        #expect((error?.retryAfter ?? .zero) > .zero && (error?.retryAfter ?? .seconds(99)) <= .seconds(60))
        try await limiter.acquire(for: "bob")
    }

    @Test("a refused caller is admitted once the wait it was given has passed")
    func refill() async throws {
        let limiter = CallRateLimiter(
            redis: redis, perUser: .init(perMinute: 120, burst: 1), global: .init(perMinute: 6_000, burst: 100),
            keyPrefix: prefix)
        try await limiter.acquire(for: "carol")
        do {
            try await limiter.acquire(for: "carol")  // admitted only if the machine took half a second
        } catch let error as ModelError {
            let wait = try #require(error.retryAfter)
            #expect(wait <= .milliseconds(500))
            try await Task.sleep(for: wait)
            try await limiter.acquire(for: "carol")
        }
    }

    @Test("the global bucket caps everyone, and a refused call draws from no bucket")
    func globalLimit() async throws {
        let limiter = CallRateLimiter(
            // A global token comes back every 100 s: no busy machine refills one mid-test.
            redis: redis, perUser: .init(perMinute: 60, burst: 5), global: .init(perMinute: 0.6, burst: 2),
            keyPrefix: prefix)
        try await limiter.acquire(for: "a")
        try await limiter.acquire(for: "b")
        await #expect(throws: ModelError.self) { try await limiter.acquire(for: "c") }
        let tokens = try await redis.send(["HGET", "\(prefix):user:c", "tokens"]).string.flatMap(Double.init)
        #expect(tokens == 5)
    }

    @Test("a cached answer is per user and expires")
    func cache() async throws {
        let key = try await ModelTestServer.shared().script([["text": "fresh"]])
        let client = ProviderKind.anthropic.make(sharedHTTP, try ModelTestServer.shared().baseURL(key))
        // Long enough that a busy machine cannot expire it between the calls; expiry is checked below.
        let cache = ResponseCache(redis: redis, ttl: .seconds(60), keyPrefix: prefix)
        let model = LanguageModel(client: client, cache: cache, logger: quietLogger)
        let log = ModelCallLog()
        try await ModelCallLog.$current.withValue(log) {
            let alice = ModelCaller(userID: "alice", purpose: "test")
            #expect(try await model.respond(to: simpleRequest, for: alice).text == "fresh")
            let collector = TextCollector()
            #expect(try await model.respond(to: simpleRequest, for: alice, onText: collector.onText).text == "fresh")
            #expect(collector.text == "fresh")
            _ = try await model.respond(to: simpleRequest, for: ModelCaller(userID: "bob", purpose: "test"))
        }
        #expect(log.calls.map(\.outcome) == [.answered, .cached, .answered])
        #expect(try await ModelTestServer.shared().requests(key).count == 2)
        #expect(cache.key(simpleRequest, userID: "alice", client: client) != cache.key(simpleRequest, userID: "bob", client: client))

        let shortLived = ResponseCache(redis: redis, ttl: .seconds(1), keyPrefix: prefix + ":short")
        let answer = try #require(try await cache.lookup(simpleRequest, userID: "alice", client: client))
        try await shortLived.store(answer, for: simpleRequest, userID: "alice", client: client)
        try await Task.sleep(for: .milliseconds(1_200))
        #expect(try await shortLived.lookup(simpleRequest, userID: "alice", client: client) == nil)
    }
}
