import ArgumentParser
import Foundation
import Logging
import PlutusData
import Postgres

/// The database flags `migrate` and `seed` share.
struct DataOptions: ParsableArguments {
    @Option(help: "PostgreSQL URL (default: $DATABASE_URL).")
    var databaseURL: String?

    /// A client of the database, with the host app's table names from `PLUTUS_HOST_TABLES`.
    /// - Throws: a `ValidationError` naming what is missing or wrong.
    func connect(_ label: String) throws -> (PostgresClient, HostTables) {
        let environment = ProcessInfo.processInfo.environment
        guard let url = databaseURL ?? environment["DATABASE_URL"], !url.isEmpty else {
            throw ValidationError("no database: pass --database-url or set DATABASE_URL")
        }
        let hostTables: HostTables
        do {
            hostTables = try HostTables(overrides: environment["PLUTUS_HOST_TABLES"] ?? "")
        } catch {
            throw ValidationError("\(error)")
        }
        let configuration: PostgresConfiguration
        do {
            configuration = try PostgresConfiguration(url: url, maximumConnections: 2, applicationName: label)
        } catch {
            throw ValidationError("--database-url / DATABASE_URL: \(error)")
        }
        return (PostgresClient(configuration: configuration, logger: Logger(label: label)), hostTables)
    }
}
