import Redis
import Testing

@Suite("Redis commands")
struct RedisCommandTests {
    @Test func binaryValuesRoundTrip() async throws {
        try await RedisTestSupport.withClient { redis, prefix in
            let key = prefix + "bin\u{0}key"
            let value: [UInt8] = [0, 255, 0, 0xC3, 0x28, 10, 13, 0, 0x80]
            try await redis.set(key, to: value)
            #expect(try await redis.get(key) == value)
            #expect(try await redis.send(["STRLEN", RESPArgument(key)]).int == Int64(value.count))
            let error = await #expect(throws: RedisError.self) { try await redis.getString(key) }
            #expect(error?.code == .unexpectedReply)
            try await redis.set(prefix + "empty", to: [UInt8]())
            #expect(try await redis.get(prefix + "empty") == [])
            #expect(try await redis.get(prefix + "missing") == nil)
        }
    }

    @Test func textAndCommandForms() async throws {
        try await RedisTestSupport.withClient { redis, prefix in
            try await redis.set(prefix + "text", to: "héllo ✓")
            #expect(try await redis.getString(prefix + "text") == "héllo ✓")
            #expect(try await redis.send("PING") == .simpleString("PONG"))
            #expect(try await redis.send(["ECHO", "x"]).string == "x")
            #expect(try await redis.send([Array("ECHO".utf8), [0, 1]]).bytes == [0, 1])
        }
    }

    @Test func expiryWithPXAndTTL() async throws {
        try await RedisTestSupport.withClient { redis, prefix in
            try await redis.set(prefix + "hour", to: "ctx", ttl: .seconds(3600))
            let ttl = try #require(try await redis.ttl(prefix + "hour").remaining)
            #expect(ttl > .seconds(3500) && ttl <= .seconds(3600))

            try await redis.set(prefix + "px", to: "v", ttl: .milliseconds(30_000))
            let pttl = try #require(try await redis.pttl(prefix + "px").remaining)
            #expect(pttl > .seconds(20) && pttl <= .seconds(30))

            try await redis.set(prefix + "short", to: "v", ttl: .milliseconds(50))
            try await Task.sleep(for: .milliseconds(200))
            #expect(try await redis.get(prefix + "short") == nil)
            #expect(try await redis.pttl(prefix + "short") == .keyMissing)
        }
    }

    @Test func expirePersistAndSetConditions() async throws {
        try await RedisTestSupport.withClient { redis, prefix async throws in
            let key = prefix + "k"
            #expect(try await redis.expire(key, after: .seconds(10)) == false)
            #expect(try await redis.set(key, to: "a", condition: .ifPresent) == false)
            #expect(try await redis.set(key, to: "a", condition: .ifAbsent))
            #expect(try await redis.set(key, to: "b", condition: .ifAbsent) == false)
            #expect(try await redis.getString(key) == "a")
            #expect(try await redis.ttl(key) == .noExpiry)
            #expect(try await redis.expire(key, after: .milliseconds(90_500)))
            #expect(try await redis.pttl(key).remaining ?? .zero > .seconds(80))
            #expect(try await redis.persist(key))
            #expect(try await redis.ttl(key) == .noExpiry)
        }
    }

    @Test func incrementsAndBasics() async throws {
        try await RedisTestSupport.withClient { redis, prefix in
            #expect(try await redis.incr(prefix + "n") == 1)
            #expect(try await redis.incr(prefix + "n") == 2)
            #expect(try await redis.incr(prefix + "n", by: 10) == 12)
            try await redis.set(prefix + "a", to: "1")
            #expect(
                try await redis.mget([prefix + "a", prefix + "none", prefix + "n"]) == [
                    Array("1".utf8), nil, Array("12".utf8),
                ])
            #expect(try await redis.del(prefix + "a", prefix + "none") == 1)
            #expect(try await redis.hset(prefix + "h", fields: ["f1": "v1", "f2": RESPArgument([0, 1])]) == 2)
            #expect(try await redis.hget(prefix + "h", field: "f1") == Array("v1".utf8))
            #expect(try await redis.hgetall(prefix + "h") == ["f1": Array("v1".utf8), "f2": [0, 1]])
            #expect(try await redis.hgetall(prefix + "nohash") == [:])
        }
    }

    @Test func serverErrorsCarryTheServerMessage() async throws {
        try await RedisTestSupport.withClient { redis, prefix in
            try await redis.set(prefix + "s", to: "text")
            let wrongType = await #expect(throws: RedisError.self) {
                try await redis.send(["LPUSH", RESPArgument(prefix + "s"), "x"])
            }
            #expect(wrongType?.code == .serverError)
            #expect(wrongType?.message.hasPrefix("WRONGTYPE") == true)
            #expect(wrongType?.serverErrorPrefix == "WRONGTYPE")
            let notInteger = await #expect(throws: RedisError.self) { try await redis.incr(prefix + "s") }
            #expect(notInteger?.message.contains("not an integer") == true)
            // The connection survives error replies.
            #expect(try await redis.getString(prefix + "s") == "text")
        }
    }

    @Test func emptyCommandIsRejected() async throws {
        try await RedisTestSupport.withClient { redis, _ in
            let error = await #expect(throws: RedisError.self) { try await redis.send([RESPArgument]()) }
            #expect(error?.code == .invalidCommand)
        }
    }

    @Test func commandTimeoutEndsASlowCommand() async throws {
        try await RedisTestSupport.withClient(.init(poolSize: 1, commandTimeout: .milliseconds(300))) {
            redis, prefix async throws in
            let error = await #expect(throws: RedisError.self) {
                try await redis.send(["BLPOP", RESPArgument(prefix + "never"), "10"])
            }
            #expect(error?.code == .timedOut)
            // The timed-out connection is replaced; the single-slot pool keeps working.
            #expect(try await redis.send("PING") == .simpleString("PONG"))
        }
    }

    @Test func selectsTheDatabaseFromTheURL() async throws {
        try await RedisTestSupport.withClient(.init(database: 3)) { db3, prefix in
            try await db3.set(prefix + "where", to: "db3")
            try await RedisTestSupport.withClient { db0, _ async throws in
                #expect(try await db0.get(prefix + "where") == nil)
            }
            #expect(try await db3.getString(prefix + "where") == "db3")
        }
    }
}
