import Redis
import Testing

@Suite("Redis pipelining")
struct RedisPipelineTests {
    @Test func thousandCommandsReplyInOrder() async throws {
        try await RedisTestSupport.withClient { redis, prefix in
            let key = RESPArgument(prefix + "counter")
            let replies = try await redis.pipeline(Array(repeating: ["INCR", key], count: 1000))
            #expect(replies.count == 1000)
            #expect(replies == (1...1000).map { RESPValue.integer(Int64($0)) })
        }
    }

    @Test func mixedCommandsKeepTheirReplies() async throws {
        try await RedisTestSupport.withClient { redis, prefix in
            let commands: [[RESPArgument]] = (0..<500).flatMap { index -> [[RESPArgument]] in
                let key = RESPArgument(prefix + "k\(index)")
                return [["SET", key, RESPArgument([UInt8(index % 256), 0])], ["GET", key]]
            }
            let replies = try await redis.pipeline(commands)
            #expect(replies.count == 1000)
            for index in 0..<500 {
                #expect(replies[2 * index] == .simpleString("OK"))
                #expect(replies[2 * index + 1] == .bulkString([UInt8(index % 256), 0]))
            }
        }
    }

    @Test func failingCommandIsReturnedAsAnErrorValue() async throws {
        try await RedisTestSupport.withClient { redis, prefix in
            let text = RESPArgument(prefix + "text")
            let counter = RESPArgument(prefix + "n")
            let replies = try await redis.pipeline([
                ["SET", text, "x"], ["INCR", counter], ["LPUSH", text, "y"], ["INCR", counter], ["GET", text],
            ])
            #expect(replies.count == 5)
            #expect(replies[0] == .simpleString("OK"))
            #expect(replies[1] == .integer(1))
            #expect(replies[2].errorMessage?.hasPrefix("WRONGTYPE") == true)
            #expect(replies[3] == .integer(2))
            #expect(replies[4].string == "x")
            // The connection is still in step afterwards.
            #expect(try await redis.incr(prefix + "n") == 3)
        }
    }

    @Test func stringFormAndEmptyPipeline() async throws {
        try await RedisTestSupport.withClient { redis, prefix in
            #expect(try await redis.pipeline([[RESPArgument]]()) == [])
            let replies = try await redis.pipeline([["SET", prefix + "a", "1"], ["GET", prefix + "a"]])
            #expect(replies == [.simpleString("OK"), .bulkString(Array("1".utf8))])
        }
    }
}
