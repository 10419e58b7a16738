import BridgeSupport
import Foundation
import Postgres
import Synchronization
import Testing

@Suite("The connection pool")
struct PostgresPoolTests {
    @Test func manyTasksShareAFewConnections() async throws {
        try await withClient(try TestDatabase.makeClient(maximumConnections: 3)) { client async throws in
            let sum = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 1...60 {
                    group.addTask {
                        try await client.query("SELECT \(n)::int AS n").first?.decode("n", as: Int.self) ?? 0
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(sum == (1...60).reduce(0, +))
            let statistics = await client.poolStatistics
            #expect(statistics.open <= 3)
            #expect(statistics.waiting == 0)
        }
    }

    @Test func aBusyPoolTimesOutWaiters() async throws {
        let client = try TestDatabase.makeClient(maximumConnections: 1, acquireTimeout: .milliseconds(200))
        try await withClient(client) { client async throws in
            let holder = Task { try await client.query("SELECT pg_sleep(2)") }
            try await Task.sleep(for: .milliseconds(300))
            let error = await #expect(throws: ConnectionPoolError.self) { try await client.query("SELECT 1") }
            #expect(error?.code == .timedOut)
            _ = try await holder.value
            #expect(try await client.query("SELECT 1 AS one").count == 1)
        }
    }

    /// libpq blocks while a statement runs; that must happen on the connections' own threads,
    /// leaving the cooperative pool (two threads on this machine) free for other tasks.
    @Test func blockingCallsLeaveTheCooperativePoolFree() async throws {
        try await withClient(try TestDatabase.makeClient(maximumConnections: 6)) { client async throws in
            let ticks = Atomic<Int>(0)
            let ticker = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(10))
                    ticks.add(1, ordering: .relaxed)
                }
            }
            let started = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await client.query("SELECT pg_sleep(1)") }
                }
                try await group.waitForAll()
            }
            let elapsed = ContinuousClock.now - started
            ticker.cancel()
            // Six one-second sleeps ran side by side, and the ticker kept ticking meanwhile.
            #expect(elapsed < .seconds(4))
            #expect(ticks.load(ordering: .relaxed) > 20)
        }
    }
}
