import Foundation
public import Postgres

/// A database of its own for a test that changes the schema, made on this checkout's
/// PostgreSQL and dropped afterwards, so tests that migrate never see each other's tables.
public enum ScratchDatabase {
    /// Creates an empty database, runs `body` with its URL, and drops it however `body` ends.
    public static func with<Result>(
        _ body: (_ url: String) async throws -> Result
    ) async throws -> Result {
        let mainURL = try LocalServices.databaseURL()
        let name = "plutus_scratch_\(UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: ""))"
        guard let slash = mainURL.lastIndex(of: "/") else {
            throw LocalServices.Missing(variable: "DATABASE_URL (with a database name)")
        }
        let admin = try PostgresClient(configuration: .init(url: mainURL, maximumConnections: 1), logger: .init(label: "plutus.tests.scratch"))
        try await admin.query(PostgresQuery(sql: "CREATE DATABASE \"\(name)\""))
        return try await withCleanUp {
            try await body(String(mainURL[...slash]) + name)
        } cleanUp: {
            _ = try? await admin.query(PostgresQuery(sql: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)"))
            await admin.shutdown()
        }
    }
}
