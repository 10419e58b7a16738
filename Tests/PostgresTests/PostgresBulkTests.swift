import Postgres
import Testing

/// SQL scripts (the simple-query protocol) and `COPY ... FROM STDIN`.
@Suite struct PostgresBulkTests {
    @Test func aScriptRunsEveryStatement() async throws {
        let table = TestDatabase.uniqueTableName("script")
        try await withClient(try TestDatabase.makeClient()) { client in
            try await client.withConnection { connection in
                try await connection.executeScript(
                    """
                    CREATE TEMP TABLE \(table) (id integer, note text);
                    INSERT INTO \(table) VALUES (1, 'a; b'), (2, $$dollar 'quoted'$$);
                    """)
                let rows = try await connection.query(PostgresQuery(sql: "SELECT note FROM \(table) ORDER BY id"))
                #expect(try rows.map { try $0.decode("note", as: String.self) } == ["a; b", "dollar 'quoted'"])
            }
        }
    }

    @Test func aFailingScriptUndoesItsEarlierStatements() async throws {
        let table = TestDatabase.uniqueTableName("script_fail")
        try await withClient(try TestDatabase.makeClient()) { client in
            try await client.withConnection { connection in
                let error = await #expect(throws: PostgresError.self) {
                    try await connection.executeScript(
                        "CREATE TABLE \(table) (id integer); INSERT INTO \(table) VALUES ('not a number');")
                }
                #expect(error?.sqlState == "22P02")
                let exists = try await connection.query(PostgresQuery(sql: "SELECT to_regclass('\(table)') IS NULL AS gone"))
                #expect(try exists.first?.decode("gone", as: Bool.self) == true)
                // The connection is usable afterwards.
                #expect(try await connection.query("SELECT 1 AS one").first?.decode("one", as: Int.self) == 1)
            }
        }
    }

    @Test func copyLoadsRowsSplitAcrossChunks() async throws {
        let table = TestDatabase.uniqueTableName("copy")
        try await withClient(try TestDatabase.makeClient()) { client in
            try await client.withConnection { connection in
                try await connection.executeScript("CREATE TEMP TABLE \(table) (id integer, name text, amount numeric(14,2))")
                let text = (1...1000).map { "\($0)\tname \($0)\t\($0).25\n" }.joined()
                let bytes = Array(text.utf8)
                // Chunks of 777 bytes cut lines in the middle.
                let chunks = stride(from: 0, to: bytes.count, by: 777).map { Array(bytes[$0..<min($0 + 777, bytes.count)]) }
                let loaded = try await connection.copyIn("COPY \(table) (id, name, amount) FROM STDIN", chunks: chunks)
                #expect(loaded == 1000)
                let sum = try await connection.query(PostgresQuery(sql: "SELECT sum(amount)::text AS total, count(*)::int AS n FROM \(table)"))
                #expect(try sum.first?.decode("total", as: String.self) == "500750.00")
            }
        }
    }

    @Test func aBadRowLoadsNothingAndTheConnectionGoesOn() async throws {
        let table = TestDatabase.uniqueTableName("copy_bad")
        try await withClient(try TestDatabase.makeClient()) { client in
            try await client.withConnection { connection in
                try await connection.executeScript("CREATE TEMP TABLE \(table) (id integer)")
                let error = await #expect(throws: PostgresError.self) {
                    try await connection.copyIn("COPY \(table) FROM STDIN", chunks: [Array("1\n2\nthree\n".utf8)])
                }
                #expect(error?.sqlState == "22P02")
                let count = try await connection.query(PostgresQuery(sql: "SELECT count(*)::int AS n FROM \(table)"))
                #expect(try count.first?.decode("n", as: Int.self) == 0)
            }
        }
    }

    @Test func aStatementThatIsNotCopyFromStdinIsRefused() async throws {
        try await withClient(try TestDatabase.makeClient()) { client in
            try await client.withConnection { connection in
                let noData: [[UInt8]] = []
                do {
                    try await connection.copyIn("SELECT 1", chunks: noData)
                    Issue.record("a SELECT was taken for a COPY")
                } catch let error as PostgresError {
                    #expect(error.code == .invalidQuery)
                }
                #expect(try await connection.query("SELECT 2 AS two").first?.decode("two", as: Int.self) == 2)
            }
        }
    }
}

/// Several statements sent together and answered in one round trip.
@Suite struct PostgresPipelineTests {
    @Test func resultsComeBackInOrderWithTheirParameters() async throws {
        try await withClient(try TestDatabase.makeClient()) { client in
            let results = try await client.withConnection { connection in
                try await connection.pipeline([
                    "SELECT \(1) + 1 AS n",
                    "SELECT \("a") || \("b") AS s",
                    "SELECT generate_series(1, \(3)) AS k",
                ])
            }
            #expect(try results[0].first?.decode("n", as: Int.self) == 2)
            #expect(try results[1].first?.decode("s", as: String.self) == "ab")
            #expect(try results[2].map { try $0.decode("k", as: Int.self) } == [1, 2, 3])
        }
    }

    @Test func aTransactionInsideAPipelineSeesOneSnapshot() async throws {
        let table = TestDatabase.uniqueTableName("pipeline")
        try await withClient(try TestDatabase.makeClient()) { client in
            try await client.query(PostgresQuery(sql: "CREATE TABLE \(table) (id integer)"))
            let results = try await client.withConnection { connection in
                try await connection.pipeline([
                    "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
                    PostgresQuery(sql: "SELECT count(*)::int AS n FROM \(table)"),
                    "COMMIT",
                ])
            }
            #expect(try results[1].first?.decode("n", as: Int.self) == 0)
            try await client.query(PostgresQuery(sql: "DROP TABLE \(table)"))
        }
    }

    @Test func aFailureStopsTheRestAndLeavesTheConnectionUsable() async throws {
        let table = TestDatabase.uniqueTableName("pipeline_fail")
        try await withClient(try TestDatabase.makeClient(maximumConnections: 1)) { client in
            try await client.query(PostgresQuery(sql: "CREATE TABLE \(table) (id integer)"))
            try await client.withConnection { connection in
                let error = await #expect(throws: PostgresError.self) {
                    try await connection.pipeline([
                        PostgresQuery(sql: "INSERT INTO \(table) VALUES (1)"),
                        "SELECT 1 / \(0) AS boom",
                        PostgresQuery(sql: "INSERT INTO \(table) VALUES (2)"),
                    ])
                }
                #expect(error?.sqlState == "22012")
                // The implicit transaction rolled back the first insert; the third never ran.
                let count = try await connection.query(PostgresQuery(sql: "SELECT count(*)::int AS n FROM \(table)"))
                #expect(try count.first?.decode("n", as: Int.self) == 0)
                let again = try await connection.pipeline(["SELECT 7 AS seven"])
                #expect(try again[0].first?.decode("seven", as: Int.self) == 7)
            }
            try await client.query(PostgresQuery(sql: "DROP TABLE \(table)"))
        }
    }
}

@Suite struct PostgresDateStringTests {
    @Test func dateStringsAreThoseThePostgreSQLServerWrites() async throws {
        let days = [-1, 0, 1, 59, 60, 10_956, 11_016, 11_017, 19_782, 20_000, 2_932_896]
        try await withClient(try TestDatabase.makeClient()) { client in
            for day in days {
                let rows = try await client.query("SELECT (date '1970-01-01' + \(day)::integer)::text AS d")
                #expect(PostgresTimestamp.dateString(daysSinceEpoch: day) == (try rows.first?.decode("d", as: String.self)))
            }
        }
    }
}
