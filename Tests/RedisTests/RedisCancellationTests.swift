import Redis
import Testing

@Suite("Redis cancellation")
struct RedisCancellationTests {
    @Test func cancellingABlockedReadEndsItPromptly() async throws {
        try await RedisTestSupport.withClient(.init(poolSize: 1)) { redis, prefix in
            let stream = prefix + "events"
            try await redis.xgroupCreate(stream, group: "g")
            let reader = Task {
                try await redis.xreadgroup(group: "g", consumer: "c", stream: stream, block: .seconds(30))
            }
            try await Task.sleep(for: .milliseconds(300))
            let clock = ContinuousClock()
            let start = clock.now
            reader.cancel()
            let result = await reader.result
            #expect(clock.now - start < .seconds(10))  // a third of the 30 s block: ended by the cancel, even on a busy machine
            #expect(throws: CancellationError.self) { try result.get() }
            // The one pooled connection was shut down; the pool replaces it and keeps working.
            try await redis.set(prefix + "after", to: "ok")
            #expect(try await redis.getString(prefix + "after") == "ok")
            try await redis.xadd(stream, fields: ["n": "1"])
            #expect(try await redis.xreadgroup(group: "g", consumer: "c", stream: stream).count == 1)
        }
    }

    @Test func alreadyCancelledTaskSendsNothing() async throws {
        try await RedisTestSupport.withClient { redis, prefix async throws in
            let key = prefix + "never"
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await redis.set(key, to: "x")
            }
            await #expect(throws: CancellationError.self) { try await task.value }
            #expect(try await redis.get(key) == nil)
        }
    }

    @Test func cancellingManyBlockedReadersLeavesThePoolUsable() async throws {
        try await RedisTestSupport.withClient(.init(poolSize: 3)) { redis, prefix in
            let stream = prefix + "events"
            try await redis.xgroupCreate(stream, group: "g")
            let readers = (0..<3).map { index in
                Task {
                    try await redis.xreadgroup(group: "g", consumer: "c\(index)", stream: stream, block: .seconds(30))
                }
            }
            try await Task.sleep(for: .milliseconds(300))
            for reader in readers { reader.cancel() }
            for reader in readers {
                await #expect(throws: CancellationError.self) { try await reader.value }
            }
            let replies = try await withThrowingTaskGroup(of: RESPValue.self) { group in
                for _ in 0..<6 { group.addTask { try await redis.send("PING") } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(replies == Array(repeating: .simpleString("PONG"), count: 6))
        }
    }
}
