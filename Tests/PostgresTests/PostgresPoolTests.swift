import BridgeSupport
import Foundation
import Postgres
import Testing

@Suite("The connection pool")
struct PostgresPoolTests {
    @Test func manyTasksShareAFewConnections() async throws {
        // A generous wait for a connection: the test is about sharing, and CI machines stall.
        try await withClient(try TestDatabase.makeClient(maximumConnections: 3, acquireTimeout: .seconds(60))) {
            client async throws in
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

    /// libpq blocks while a statement runs; that must happen on the connections' own threads.
    /// More statements wait on an advisory lock than the cooperative pool has threads, and only a
    /// task on that pool can release it: were they blocking the pool, the release could not run
    /// and every wait would hit its 10 s lock timeout.
    @Test func blockingCallsLeaveTheCooperativePoolFree() async throws {
        let waiters = ProcessInfo.processInfo.activeProcessorCount + 2
        let key = Int64.random(in: 1...Int64.max)
        try await withClient(try TestDatabase.makeClient(maximumConnections: waiters + 1)) { client async throws in
            try await client.withConnection { holder in
                try await holder.query("SELECT pg_advisory_lock(\(key))")
                let blocked = Task {
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for _ in 0..<waiters {
                            group.addTask {
                                try await client.withTransaction { connection in
                                    try await connection.query("SET LOCAL lock_timeout = '10s'")
                                    try await connection.query("SELECT pg_advisory_xact_lock(\(key))")
                                }
                            }
                        }
                        try await group.waitForAll()
                    }
                }
                try await Task.sleep(for: .milliseconds(300))
                try await holder.query("SELECT pg_advisory_unlock(\(key))")
                try await blocked.value
            }
        }
    }
}
