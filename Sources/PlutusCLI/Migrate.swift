import ArgumentParser
import Foundation
import Logging
import PlutusData

/// `plutus migrate`: brings the schema up to date; in demo mode (what docker compose's one-shot
/// `migrate` service runs with `PLUTUS_DEMO=1`) it also makes the host app's tables and seeds
/// demo households once.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply the schema migrations not yet applied (each in a transaction; re-running is a no-op).")

    @OptionGroup var data: DataOptions

    @Flag(help: "Also create the host app's tables (users, accounts, ...): for a database Plutus owns alone.")
    var standalone = false

    @Flag(help: "Demo mode: --standalone, then seed demo households once and print a demo login (default: $PLUTUS_DEMO, 1 or 0).")
    var demo = false

    @Option(help: "How many demo households demo mode seeds (default: $PLUTUS_DEMO_USERS, else 100).")
    var demoUsers: Int?

    /// Demo mode and its size, from the flags or else the environment.
    private var demoPlan: (enabled: Bool, users: Int) {
        get throws {
            let environment = ProcessInfo.processInfo.environment
            var enabled = demo
            if !enabled, let value = environment["PLUTUS_DEMO"] {
                switch value.lowercased() {
                case "1", "true", "yes", "on": enabled = true
                case "", "0", "false", "no", "off": enabled = false
                default: throw ValidationError("PLUTUS_DEMO must be 1 or 0, not '\(value)'")
                }
            }
            let users: Int
            if let demoUsers {
                users = demoUsers
                try DemoHouseholds.validate(users: users, option: "--demo-users")
            } else if let value = environment["PLUTUS_DEMO_USERS"], !value.isEmpty {
                guard let parsed = Int(value) else { throw ValidationError("PLUTUS_DEMO_USERS must be a number, not '\(value)'") }
                users = parsed
                try DemoHouseholds.validate(users: users, option: "PLUTUS_DEMO_USERS")
            } else {
                users = 100
            }
            return (enabled, users)
        }
    }

    func validate() throws {
        _ = try demoPlan
    }

    func run() async throws {
        let plan = try demoPlan
        let (client, hostTables) = try data.connect("plutus-migrate")
        do {
            let outcomes = try await Migrator(client: client, hostTables: hostTables, logger: Logger(label: "plutus.migrate"))
                .migrate(standalone: standalone || plan.enabled)
            for outcome in outcomes {
                let word =
                    switch outcome.action {
                    case .applied: "applied"
                    case .alreadyApplied: "already applied"
                    case .skipped: "skipped (host app's tables; use --standalone to create them)"
                    }
                print(String(format: "%04d %@ — %@", outcome.version, outcome.name, word))
            }
            if plan.enabled {
                try await DemoHouseholds.seed(
                    users: plan.users, seed: DemoHouseholds.demoSeed, client: client, hostTables: hostTables)
            }
            await client.shutdown()
        } catch {
            await client.shutdown()
            print("plutus migrate: \(error)")
            throw ExitCode.failure
        }
    }
}
