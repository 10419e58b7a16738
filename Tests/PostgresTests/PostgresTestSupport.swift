import Foundation
import Logging
import PlutusTestSupport
import Postgres

/// A client on this checkout's PostgreSQL, and a table name no other test uses.
enum TestDatabase {
    static let logger = Logger(label: "plutus.tests.postgres")

    static func makeClient(maximumConnections: Int = 4, acquireTimeout: Duration = .seconds(10)) throws
        -> PostgresClient
    {
        try makeClient(
            url: LocalServices.databaseURL(), maximumConnections: maximumConnections, acquireTimeout: acquireTimeout)
    }

    static func makeClient(url: String, maximumConnections: Int = 4, acquireTimeout: Duration = .seconds(10)) throws
        -> PostgresClient
    {
        let configuration = try PostgresConfiguration(
            url: url, maximumConnections: maximumConnections, acquireTimeout: acquireTimeout)
        return PostgresClient(configuration: configuration, logger: logger)
    }

    static func uniqueTableName(_ prefix: String) -> String {
        "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
    }
}

/// Runs `body` with a client, and shuts the client down however `body` ends.
func withClient<Result>(
    _ client: PostgresClient, _ body: (PostgresClient) async throws -> Result
) async throws -> Result {
    try await withCleanUp { try await body(client) } cleanUp: { await client.shutdown() }
}
