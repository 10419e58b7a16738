import Redis
import Testing

/// Tests against a Redis of their own, which they flush, restart and kill.
@Suite("Redis server restarts", .serialized)
struct RedisRestartTests {
    static let name = "redis-restart-test"
    /// Below the ephemeral range, so no client connection can hold it while the server restarts.
    static let port = "26390"
    static let url = "redis://127.0.0.1:\(port)/0"

    private func server(_ command: String) async throws {
        try await RedisTestSupport.redisScript([command, "--name", Self.name, "--port", Self.port])
    }

    /// Runs `body` with a client of the restart-test server, stopping the server afterwards.
    private func withServer(poolSize: Int = 2, _ body: (RedisClient) async throws -> Void) async throws {
        try await server("start")
        do {
            try await RedisTestSupport.withClient(.init(url: Self.url, poolSize: poolSize)) { redis, _ in
                try await body(redis)
            }
            try await server("stop")
        } catch {
            try? await server("stop")
            throw error
        }
    }

    /// Opens `count` pooled connections and leaves them idle.
    private func warmUp(_ redis: RedisClient, connections count: Int) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<count * 4 {
                group.addTask { _ = try await redis.send(["BLPOP", "restart-test:nothing", "0.05"]) }
            }
            try await group.waitForAll()
        }
    }

    @Test func evalshaFallsBackToEvalAfterScriptFlush() async throws {
        try await withServer { redis in
            let script = RedisScript("return {KEYS[1], ARGV[1], redis.call('INCRBY', KEYS[1], ARGV[1])}")
            _ = try await redis.send(["SCRIPT", "FLUSH"])
            let exists = RESPArgument(script.sha1)
            #expect(try await redis.send(["SCRIPT", "EXISTS", exists]) == .array([.integer(0)]))
            let first = try await redis.evalsha(script, keys: ["bucket"], arguments: [5])
            #expect(first == .array([.bulkString(Array("bucket".utf8)), .bulkString(Array("5".utf8)), .integer(5)]))
            #expect(try await redis.send(["SCRIPT", "EXISTS", exists]) == .array([.integer(1)]))
            let second = try await redis.evalsha(script, keys: ["bucket"], arguments: [5])
            #expect(second.array?.last == .integer(10))
            _ = try await redis.send(["SCRIPT", "FLUSH"])
            try await redis.loadScript(script)
            #expect(try await redis.send(["SCRIPT", "EXISTS", exists]) == .array([.integer(1)]))
        }
    }

    @Test func failingScriptIsAServerError() async throws {
        try await withServer { redis in
            let script = RedisScript("return redis.call('INCR', KEYS[1])")
            _ = try await redis.send(["SET", "text", "abc"])
            let error = await #expect(throws: RedisError.self) { try await redis.evalsha(script, keys: ["text"]) }
            #expect(error?.code == .serverError)
            #expect(error?.message.contains("not an integer") == true)
        }
    }

    @Test func idleConnectionsRecoverTransparentlyFromARestart() async throws {
        try await withServer { redis in
            try await warmUp(redis, connections: 2)
            try await redis.set("before", to: "1")
            try await server("restart")
            // Every pooled connection saw the old server go away; the probe replaces them before use.
            for round in 0..<10 {
                try await redis.set("after", to: "\(round)")
                #expect(try await redis.getString("after") == "\(round)")
            }
            #expect(try await redis.get("before") == nil)
        }
    }

    @Test func idleConnectionsRecoverTransparentlyFromAKill() async throws {
        try await withServer { redis in
            try await warmUp(redis, connections: 2)
            try await server("kill")
            let down = await #expect(throws: RedisError.self) { try await redis.send("PING") }
            #expect(down?.code == .connectionFailed)
            try await server("start")
            #expect(try await redis.send("PING") == .simpleString("PONG"))
            try await warmUp(redis, connections: 2)
        }
    }

    @Test func aSubscriptionEndsWithAnErrorWhenTheServerDies() async throws {
        try await withServer { redis in
            var events = redis.subscribe(to: ["news"]).makeAsyncIterator()
            #expect(try await events.next() == .subscribed(channel: "news"))
            try await server("kill")
            let lost = await #expect(throws: RedisError.self) { _ = try await events.next() }
            #expect(lost?.code == .connectionLost)
            // Messages published while no one listens are gone; a new subscription hears what follows.
            try await server("start")
            var again = redis.subscribe(to: ["news"]).makeAsyncIterator()
            #expect(try await again.next() == .subscribed(channel: "news"))
            #expect(try await redis.publish("back", on: "news") == 1)
            #expect(try await again.next() == .message(channel: "news", payload: Array("back".utf8)))
        }
    }

    @Test func commandInFlightDuringAKillFailsOnceThenTheClientRecovers() async throws {
        try await withServer(poolSize: 1) { redis in
            _ = try await redis.xgroupCreate("events", group: "g")
            let reader = Task {
                try await redis.xreadgroup(group: "g", consumer: "c", stream: "events", block: .seconds(30))
            }
            try await Task.sleep(for: .milliseconds(300))
            try await server("kill")
            let lost = await #expect(throws: RedisError.self) { try await reader.value }
            #expect(lost?.code == .connectionLost)
            try await server("start")
            #expect(try await redis.xgroupCreate("events", group: "g"))
            try await redis.xadd("events", fields: ["n": "1"])
            #expect(try await redis.xreadgroup(group: "g", consumer: "c", stream: "events").count == 1)
        }
    }
}
