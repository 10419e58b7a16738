import Foundation
import Postgres
import Testing

@Suite("Parameterized statements, errors and prepared statements")
struct PostgresQueryTests {
    @Test func interpolatedValuesAreBoundNotSpliced() {
        let hostile = "x'); DROP TABLE users; --"
        let query: PostgresQuery = "SELECT * FROM \(identifier: "odd\"name") WHERE a = \(hostile) AND b = \(42)"
        #expect(query.sql == #"SELECT * FROM "odd""name" WHERE a = $1 AND b = $2"#)
        #expect(query.bindings == [PostgresBinding(hostile), PostgresBinding(42)])
    }

    @Test func hostileTextIsStoredVerbatim() async throws {
        try await withClient(try TestDatabase.makeClient()) { client async throws in
            let table = TestDatabase.uniqueTableName("notes")
            try await client.query("CREATE TABLE \(identifier: table) (body text NOT NULL)")
            let hostile = "Robert'); DROP TABLE \(table); --"
            try await client.query("INSERT INTO \(identifier: table) (body) VALUES (\(hostile))")
            let rows = try await client.query("SELECT body FROM \(identifier: table)")
            #expect(try rows.first?.decode("body", as: String.self) == hostile)
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }

    @Test func serverErrorsCarryTheirSQLState() async throws {
        try await withClient(try TestDatabase.makeClient()) { client async throws in
            let table = TestDatabase.uniqueTableName("unique")
            try await client.query("CREATE TABLE \(identifier: table) (id int PRIMARY KEY)")
            try await client.query("INSERT INTO \(identifier: table) VALUES (\(1))")
            let duplicate = await #expect(throws: PostgresError.self) {
                try await client.query("INSERT INTO \(identifier: table) VALUES (\(1))")
            }
            #expect(duplicate?.code == .server)
            #expect(duplicate?.sqlState == "23505")
            #expect(duplicate?.detail?.contains("already exists") == true)
            let syntax = await #expect(throws: PostgresError.self) { try await client.query("SELEC 1") }
            #expect(syntax?.sqlState == "42601")
            // The connection that saw the errors still works.
            #expect(try await client.query("SELECT 1 AS one").first?.decode("one", as: Int.self) == 1)
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }

    @Test func nulBytesInTextAreRefusedNotTruncated() async throws {
        try await withClient(try TestDatabase.makeClient()) { client async throws in
            let error = await #expect(throws: PostgresError.self) {
                try await client.query("SELECT \("before\0after")::text")
            }
            #expect(error?.code == .invalidQuery)
        }
    }

    @Test func preparedStatementsSurviveASchemaChange() async throws {
        try await withClient(try TestDatabase.makeClient(maximumConnections: 1)) { client async throws in
            let table = TestDatabase.uniqueTableName("evolving")
            try await client.query("CREATE TABLE \(identifier: table) (a int)")
            try await client.query("INSERT INTO \(identifier: table) VALUES (\(1))")
            let select: PostgresQuery = "SELECT * FROM \(identifier: table) WHERE a = \(1)"
            #expect(try await client.query(select).columns.count == 1)
            try await client.query("ALTER TABLE \(identifier: table) ADD COLUMN b text DEFAULT 'new'")
            let rows = try await client.query(select)
            #expect(rows.columns.names == ["a", "b"])
            #expect(try rows.first?.decode("b", as: String.self) == "new")
            try await client.query("DROP TABLE \(identifier: table)")
        }
    }

    @Test func sameSQLWithOtherParameterTypesIsAnotherStatement() async throws {
        try await withClient(try TestDatabase.makeClient(maximumConnections: 1)) { client async throws in
            #expect(try await client.query("SELECT \(5)::text AS v").first?.decode("v", as: String.self) == "5")
            #expect(try await client.query("SELECT \("five")::text AS v").first?.decode("v", as: String.self) == "five")
        }
    }

    @Test func invalidURLsAreRefusedWithTheReason() {
        #expect(throws: PostgresError.self) { try PostgresConfiguration(url: "mysql://localhost/x") }
        let error = #expect(throws: PostgresError.self) {
            try PostgresConfiguration(url: "postgresql://host/db?nonsense_option=1")
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.message.contains("nonsense_option") == true)
    }

    @Test func refusedConnectionsFailClearly() async throws {
        try await withClient(try TestDatabase.makeClient(url: "postgresql://plutus@127.0.0.1:1/plutus")) { client async throws in
            let error = await #expect(throws: PostgresError.self) { try await client.query("SELECT 1") }
            #expect(error?.code == .connectionFailed)
            #expect(error?.message.contains("refused") == true)
        }
    }
}
