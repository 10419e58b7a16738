import Foundation
import Postgres
import Testing

@Suite("Typed decoding against a real PostgreSQL")
struct PostgresDecodingTests {
    struct Profile: Codable, Equatable, Sendable {
        let name: String
        let tags: [String]
        let score: Double
    }

    @Test func decodesEveryColumnTypeFromParameters() async throws {
        try await withClient(try TestDatabase.makeClient()) { client async throws in
            let id = UUID()
            let when = Date(timeIntervalSince1970: 1_764_082_772.123456)
            let amount = Decimal(string: "12345678901234.56")!
            let bytes: [UInt8] = [0, 1, 2, 0, 255, 10]
            let profile = Profile(name: "Zoë ✓", tags: ["a", "b"], score: 0.25)
            let rows = try await client.query(
                """
                SELECT \("héllo 👋")::text AS text, \(Int32(-7))::int AS int, \(Int64.max)::bigint AS big,
                       \(amount)::numeric AS amount, \(true)::bool AS flag, \(id)::uuid AS id,
                       \(when)::timestamptz AS at, \(PostgresJSONB(profile))::jsonb AS profile,
                       \(bytes)::bytea AS raw, \(PostgresBinding(Optional<String>.none))::text AS missing, 2.5::float8 AS ratio
                """)
            let row = try #require(rows.first)
            #expect(try row.decode("text", as: String.self) == "héllo 👋")
            #expect(try row.decode("int", as: Int32.self) == -7)
            #expect(try row.decode("big", as: Int64.self) == .max)
            #expect(try row.decode("amount", as: Decimal.self) == amount)
            #expect(try row.decode("flag", as: Bool.self))
            #expect(try row.decode("id", as: UUID.self) == id)
            #expect(try row.decode("at", as: Date.self).timeIntervalSince1970 == when.timeIntervalSince1970)
            #expect(try row.decode("profile", as: PostgresJSONB<Profile>.self).value == profile)
            #expect(try row.decode("raw", as: [UInt8].self) == bytes)
            #expect(try row.decode("missing", as: String?.self) == nil)
            #expect(try row.isNull("missing"))
            #expect(try row.decode("ratio", as: Double.self) == 2.5)
            #expect(try row.decode(at: 0, as: String.self) == "héllo 👋")
        }
    }

    @Test func byteaHexTextIsReadExactlyAndAnythingElseRefused() throws {
        #expect(try [UInt8](postgresText: "\\x00ff10Ab", type: .bytea) == [0x00, 0xFF, 0x10, 0xAB])
        #expect(try [UInt8](postgresText: "\\x", type: .bytea) == [])
        for malformed in ["", "\\", "00ff", "\\x0", "\\x0g", "\\xff0", "x\\00", "\\x00é"] {
            #expect(throws: PostgresDecodingFailure.self, "\(malformed)") { try [UInt8](postgresText: malformed, type: .bytea) }
        }
    }

    @Test func numericKeepsEveryDigit() async throws {
        try await withClient(try TestDatabase.makeClient()) { client async throws in
            let rows = try await client.query("SELECT 0.1::numeric + 0.2::numeric AS sum, (-1234.50)::numeric(10,2) AS debt")
            let row = try #require(rows.first)
            #expect(try row.decode("sum", as: Decimal.self) == Decimal(string: "0.3")!)
            #expect(try row.decode("debt", as: Decimal.self) == Decimal(string: "-1234.5")!)
        }
    }

    @Test func nullIntoNonOptionalIsADecodingError() async throws {
        try await withClient(try TestDatabase.makeClient()) { client async throws in
            let row = try #require(try await client.query("SELECT NULL::int AS n, 'x' AS word").first)
            #expect(throws: PostgresError.self) { try row.decode("n", as: Int.self) }
            let wrongType = #expect(throws: PostgresError.self) { try row.decode("word", as: Int.self) }
            #expect(wrongType?.code == .decoding)
            #expect(wrongType?.message.contains("word") == true)
            let missing = #expect(throws: PostgresError.self) { try row.decode("nope", as: Int.self) }
            #expect(missing?.code == .decoding)
        }
    }

    @Test func manyRowsComeBackInOrder() async throws {
        try await withClient(try TestDatabase.makeClient()) { client async throws in
            let rows = try await client.query("SELECT g AS n FROM generate_series(1, \(5000)) AS g")
            #expect(rows.count == 5000)
            #expect(rows.affectedRows == 5000)
            #expect(try rows.map { try $0.decode("n", as: Int.self) } == Array(1...5000))
        }
    }

    @Test func timestampsRoundTripToTheMicrosecond() async throws {
        try await withClient(try TestDatabase.makeClient()) { client async throws in
            for seconds in [0.0, -86_400.5, 951_782_400.000001, 4_102_444_799.999999] {
                let date = Date(timeIntervalSince1970: seconds)
                let row = try #require(try await client.query("SELECT \(date) AS at, \(date)::date AS day").first)
                let decoded = try row.decode("at", as: Date.self)
                #expect(abs(decoded.timeIntervalSince1970 - seconds) < 0.000_001)
                let day = try row.decode("day", as: Date.self).timeIntervalSince1970
                #expect(day == (seconds / 86_400).rounded(.down) * 86_400)
            }
        }
    }
}
