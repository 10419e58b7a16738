import Foundation
import Postgres
import Testing

@Suite("Transactions and cancellation")
struct PostgresTransactionTests {
    struct Rollback: Error {}

    private func count(_ table: String, _ client: PostgresClient) async throws -> Int {
        try await client.query("SELECT count(*) AS n FROM \(identifier: table)").first?.decode("n", as: Int.self) ?? -1
    }

    @Test func committedWorkStaysAndFailedWorkIsRolledBack() async throws {
        try await withClient(try TestDatabase.makeClient(maximumConnections: 2)) { client async throws in
            let table = TestDatabase.uniqueTableName("ledger")
            try await client.query("CREATE TABLE \(identifier: table) (amount numeric NOT NULL)")
            try await client.withTransaction { connection in
                try await connection.query("INSERT INTO \(identifier: table) VALUES (\(Decimal(10)))")
                try await connection.query("INSERT INTO \(identifier: table) VALUES (\(Decimal(20)))")
            }
            #expect(try await count(table, client) == 2)

            await #expect(throws: Rollback.self) {
                try await client.withTransaction { connection in
                    try await connection.query("INSERT INTO \(identifier: table) VALUES (\(Decimal(30)))")
                    throw Rollback()
                }
            }
            await #expect(throws: PostgresError.self) {
                try await client.withTransaction { connection in
                    try await connection.query("INSERT INTO \(identifier: table) VALUES (\(Decimal(40)))")
                    try await connection.query("INSERT INTO \(identifier: table) VALUES (NULL)")
                }
            }
            #expect(try await count(table, client) == 2)
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }

    @Test func cancellingATransactionRollsItBack() async throws {
        try await withClient(try TestDatabase.makeClient(maximumConnections: 2)) { client async throws in
            let table = TestDatabase.uniqueTableName("cancelled")
            try await client.query("CREATE TABLE \(identifier: table) (n int)")
            let transaction = Task {
                try await client.withTransaction { connection in
                    try await connection.query("INSERT INTO \(identifier: table) VALUES (\(1))")
                    try await connection.query("SELECT pg_sleep(30)")
                }
            }
            try await Task.sleep(for: .milliseconds(300))
            transaction.cancel()
            let started = ContinuousClock.now
            await #expect(throws: CancellationError.self) { try await transaction.value }
            #expect(ContinuousClock.now - started < .seconds(10))
            #expect(try await count(table, client) == 0)
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }

    @Test func cancellingALongQueryEndsItOnTheServer() async throws {
        try await withClient(try TestDatabase.makeClient(maximumConnections: 1)) { client async throws in
            let marker = "plutus-cancel-\(UUID().uuidString)"
            let sleeper = Task { try await client.query("SELECT pg_sleep(30) AS \(identifier: marker)") }
            try await Task.sleep(for: .milliseconds(300))
            sleeper.cancel()
            await #expect(throws: CancellationError.self) { try await sleeper.value }
            // The one pooled connection was retired and replaced; the server runs the statement no more.
            let observer = try TestDatabase.makeClient(maximumConnections: 1)
            try await withClient(observer) { observer async throws in
                let running = try await observer.query(
                    "SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE \("%" + marker + "%") AND state = 'active' AND pid <> pg_backend_pid()")
                #expect(try running.first?.decode("n", as: Int.self) == 0)
            }
            #expect(try await client.query("SELECT 1 AS one").first?.decode("one", as: Int.self) == 1)
        }
    }

    @Test func aCancelledTaskRunsNoStatement() async throws {
        try await withClient(try TestDatabase.makeClient(maximumConnections: 1)) { client async throws in
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await client.query("SELECT 1")
            }
            await #expect(throws: CancellationError.self) { try await task.value }
        }
    }
}
