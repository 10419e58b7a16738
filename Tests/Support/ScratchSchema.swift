import Foundation
public import Postgres

/// A schema of its own in this checkout's database, for a test that changes the schema: its
/// URL sets `search_path` to the schema, so unqualified tables (migrations, queries) land there
/// and tests never see each other's tables. Dropped afterwards.
///
/// A schema rather than a database: `DROP DATABASE` forces an immediate checkpoint, and dozens
/// of tests doing that at once stall every other test.
public struct ScratchSchema: Sendable {
    /// The schema's name.
    public let name: String
    /// A libpq URL whose connections work in the schema.
    public let url: String

    /// Creates an empty schema, runs `body` with it, and drops it however `body` ends.
    public static func with<Result>(_ body: (ScratchSchema) async throws -> Result) async throws -> Result {
        let mainURL = try LocalServices.databaseURL()
        let name = "plutus_scratch_\(UUID().uuidString.prefix(13).lowercased().replacingOccurrences(of: "-", with: ""))"
        let separator = mainURL.contains("?") ? "&" : "?"
        let scratch = ScratchSchema(name: name, url: mainURL + separator + "options=-csearch_path%3D\(name)")
        let admin = PostgresClient(
            configuration: try .init(url: mainURL, maximumConnections: 1), logger: .init(label: "plutus.tests.scratch"))
        try await admin.query(PostgresQuery(sql: "CREATE SCHEMA \"\(name)\""))
        return try await withCleanUp {
            try await body(scratch)
        } cleanUp: {
            _ = try? await admin.query(PostgresQuery(sql: "DROP SCHEMA IF EXISTS \"\(name)\" CASCADE"))
            await admin.shutdown()
        }
    }
}
