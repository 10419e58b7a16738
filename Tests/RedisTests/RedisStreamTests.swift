import Redis
import Testing

@Suite("Redis streams")
struct RedisStreamTests {
    @Test func groupCreationToleratesAnExistingGroup() async throws {
        try await RedisTestSupport.withClient { redis, prefix async throws in
            #expect(try await redis.xgroupCreate(prefix + "events", group: "workers"))
            #expect(try await redis.xgroupCreate(prefix + "events", group: "workers") == false)
            #expect(try await redis.send(["XLEN", RESPArgument(prefix + "events")]) == .integer(0))
        }
    }

    @Test func addReadAndAcknowledge() async throws {
        try await RedisTestSupport.withClient { redis, prefix in
            let stream = prefix + "events"
            try await redis.xgroupCreate(stream, group: "g")
            var ids: [String] = []
            for index in 0..<3 {
                ids.append(
                    try await redis.xadd(
                        stream, fields: ["kind": "deposit", "n": RESPArgument(index), "raw": RESPArgument([0, 0xFF])]))
            }
            let entries = try await redis.xreadgroup(group: "g", consumer: "c1", stream: stream, count: 10)
            #expect(entries.map(\.id) == ids)
            #expect(entries.first?.fields.map(\.name) == ["kind", "n", "raw"])
            #expect(entries.last?.string("n") == "2")
            #expect(entries.first?["raw"] == [0, 0xFF])
            #expect(try await redis.xpending(stream, group: "g").count == 3)
            #expect(try await redis.xreadgroup(group: "g", consumer: "c1", stream: stream, id: "0").map(\.id) == ids)
            #expect(try await redis.xack(stream, group: "g", ids: ids) == 3)
            let pending = try await redis.xpending(stream, group: "g")
            #expect(pending.count == 0 && pending.consumers.isEmpty && pending.smallestID == nil)
            #expect(try await redis.xreadgroup(group: "g", consumer: "c1", stream: stream, id: "0").isEmpty)
        }
    }

    @Test func autoclaimMovesAStaleEntryToAnotherConsumer() async throws {
        try await RedisTestSupport.withClient { redis, prefix in
            let stream = prefix + "events"
            try await redis.xgroupCreate(stream, group: "g")
            let id = try await redis.xadd(stream, fields: ["job": "1"])
            let read = try await redis.xreadgroup(group: "g", consumer: "crashed", stream: stream)
            #expect(read.map(\.id) == [id])
            try await Task.sleep(for: .milliseconds(150))
            let claim = try await redis.xautoclaim(
                stream, group: "g", consumer: "rescuer", minIdleTime: .milliseconds(50))
            #expect(claim.entries.map(\.id) == [id])
            #expect(claim.entries.first?.string("job") == "1")
            #expect(claim.nextStart == "0-0")
            #expect(claim.deletedIDs.isEmpty)
            let pending = try await redis.xpending(stream, group: "g")
            #expect(pending.consumers == ["rescuer": 1])
            #expect(
                try await redis.xreadgroup(group: "g", consumer: "rescuer", stream: stream, id: "0").map(\.id) == [id])
            // Entries idle for less than the minimum stay where they are.
            let early = try await redis.xautoclaim(stream, group: "g", consumer: "other", minIdleTime: .seconds(3600))
            #expect(early.entries.isEmpty)
        }
    }

    @Test func blockingReadReturnsWhenAnotherClientAdds() async throws {
        try await RedisTestSupport.withClient(.init(poolSize: 2)) { redis, prefix in
            let stream = prefix + "events"
            try await redis.xgroupCreate(stream, group: "g")
            let reader = Task {
                try await redis.xreadgroup(group: "g", consumer: "c", stream: stream, count: 5, block: .seconds(20))
            }
            try await Task.sleep(for: .milliseconds(200))
            let id = try await redis.xadd(stream, fields: ["hello": "world"])
            let entries = try await reader.value
            #expect(entries.map(\.id) == [id])
        }
    }

    @Test func blockingReadTimesOutEmptyAndLongBlocksAreNotCutByTheCommandTimeout() async throws {
        try await RedisTestSupport.withClient(.init(commandTimeout: .milliseconds(200))) { redis, prefix in
            let stream = prefix + "events"
            try await redis.xgroupCreate(stream, group: "g")
            // BLOCK 600 ms outlives the 200 ms command timeout: the socket timeout is extended for the call.
            let entries = try await redis.xreadgroup(
                group: "g", consumer: "c", stream: stream, block: .milliseconds(600))
            #expect(entries.isEmpty)
            #expect(try await redis.send("PING") == .simpleString("PONG"))
        }
    }

    @Test func trimmingWithMaxLength() async throws {
        try await RedisTestSupport.withClient { redis, prefix in
            let exact = prefix + "exact"
            for index in 0..<30 {
                try await redis.xadd(exact, fields: ["i": RESPArgument(index)], maxLength: 10, approximateTrim: false)
            }
            #expect(try await redis.send(["XLEN", RESPArgument(exact)]) == .integer(10))
            let approximate = prefix + "approx"
            let adds: [[RESPArgument]] = (0..<1000).map {
                ["XADD", RESPArgument(approximate), "*", "i", RESPArgument($0)]
            }
            _ = try await redis.pipeline(adds)
            try await redis.xadd(approximate, fields: ["last": "1"], maxLength: 10)
            let length = try #require(try await redis.send(["XLEN", RESPArgument(approximate)]).int)
            #expect(length >= 10 && length < 1000)
        }
    }
}
