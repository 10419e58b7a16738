import ArgumentParser
import Logging
import PlutusData

/// `plutus migrate`: brings the schema up to date.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply the schema migrations not yet applied (each in a transaction; re-running is a no-op).")

    @OptionGroup var data: DataOptions

    @Flag(help: "Also create the host app's tables (users, accounts, ...): for a database Plutus owns alone.")
    var standalone = false

    func run() async throws {
        let (client, hostTables) = try data.connect("plutus-migrate")
        do {
            let outcomes = try await Migrator(client: client, hostTables: hostTables, logger: Logger(label: "plutus.migrate"))
                .migrate(standalone: standalone)
            for outcome in outcomes {
                let word =
                    switch outcome.action {
                    case .applied: "applied"
                    case .alreadyApplied: "already applied"
                    case .skipped: "skipped (host app's tables; use --standalone to create them)"
                    }
                print(String(format: "%04d %@ — %@", outcome.version, outcome.name, word))
            }
            await client.shutdown()
        } catch {
            await client.shutdown()
            print("plutus migrate: \(error)")
            throw ExitCode.failure
        }
    }
}
