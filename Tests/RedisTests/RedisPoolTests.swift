import Foundation
import PlutusTestSupport
import Redis
import Synchronization
import Testing

@Suite("Redis connection pool")
struct RedisPoolTests {
    @Test func fiftyConcurrentTasksShareTwoConnections() async throws {
        // A generous wait for a connection: the test is about sharing, and CI machines stall.
        try await RedisTestSupport.withClient(.init(poolSize: 2, acquireTimeout: .seconds(60))) { redis, prefix in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        try await redis.incr(prefix + "counter")
                        try await redis.set(prefix + "k\(index)", to: "v\(index)")
                        #expect(try await redis.getString(prefix + "k\(index)") == "v\(index)")
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await redis.getString(prefix + "counter") == "50")
        }
    }

    /// More blocked commands than the cooperative pool has threads: if hiredis blocked those threads,
    /// nothing else could run until the blockers finished. The blockers wait until the test
    /// releases them, after its own commands went through, so no clock decides the outcome.
    @Test(.timeLimit(.minutes(1))) func blockingCommandsDoNotOccupyTheCooperativePool() async throws {
        let blockers = ProcessInfo.processInfo.activeProcessorCount + 1
        try await RedisTestSupport.withClient(.init(poolSize: blockers + 1)) { redis, prefix in
            let finished = FinishCounter()
            let tasks = (0..<blockers).map { index in
                Task {
                    _ = try await redis.send(["BLPOP", RESPArgument(prefix + "empty\(index)"), "0"])
                    finished.count.add(1, ordering: .relaxed)
                }
            }
            // Wait until every blocker is parked in the server.
            let parked = try await eventually {
                let clients = try await redis.send(["CLIENT", "LIST"]).string ?? ""
                return clients.components(separatedBy: "cmd=blpop").count > blockers
            }
            #expect(parked)
            for _ in 0..<10 { #expect(try await redis.send("PING") == .simpleString("PONG")) }
            #expect(finished.count.load(ordering: .relaxed) == 0)
            for index in 0..<blockers { _ = try await redis.send(["LPUSH", RESPArgument(prefix + "empty\(index)"), "go"]) }
            for task in tasks { try await task.value }
            #expect(finished.count.load(ordering: .relaxed) == blockers)
        }
    }

    @Test func connectionRefusedIsConnectionFailed() async throws {
        let redis = try RedisClient(url: "redis://127.0.0.1:1/0", logger: RedisTestSupport.logger)
        let error = await #expect(throws: RedisError.self) { try await redis.send("PING") }
        #expect(error?.code == .connectionFailed)
        #expect(error?.message.contains("127.0.0.1:1") == true)
        await redis.shutdown()
    }

    @Test func missingUnixSocketIsConnectionFailed() async throws {
        let redis = try RedisClient(url: "unix:///nonexistent/redis.sock", logger: RedisTestSupport.logger)
        let error = await #expect(throws: RedisError.self) { try await redis.send("PING") }
        #expect(error?.code == .connectionFailed)
        await redis.shutdown()
    }

    @Test func failedAuthIsConnectionFailed() async throws {
        try await RedisTestSupport.withClient(.init(password: "not-configured")) { redis, _ in
            let error = await #expect(throws: RedisError.self) { try await redis.send("PING") }
            #expect(error?.code == .connectionFailed)
            #expect(error?.message.contains("AUTH") == true)
        }
    }

    @Test func shutDownClientRefusesCommands() async throws {
        let redis = RedisClient(configuration: try RedisTestSupport.configuration(), logger: RedisTestSupport.logger)
        #expect(try await redis.send("PING") == .simpleString("PONG"))
        await redis.shutdown()
        let error = await #expect(throws: RedisError.self) { try await redis.send("PING") }
        #expect(error?.code == .shutDown)
    }
}

private final class FinishCounter: Sendable {
    let count = Atomic<Int>(0)
}
