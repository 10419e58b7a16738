import ArgumentParser
import Foundation
import Logging
import PlutusAuth
import PlutusData
import Postgres

/// `plutus seed`: demo households in a standalone database, and a demo login.
struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write deterministic demo households (run `plutus migrate --standalone` first); print a demo user and token.")

    @OptionGroup var data: DataOptions

    @Option(help: "How many households.")
    var users = 100

    @Option(help: "The seed: the same seed and count give the same households.")
    var seed: UInt64 = 42

    func validate() throws {
        try DemoHouseholds.validate(users: users, option: "--users")
    }

    func run() async throws {
        let (client, hostTables) = try data.connect("plutus-seed")
        do {
            try await DemoHouseholds.seed(users: users, seed: seed, client: client, hostTables: hostTables)
            await client.shutdown()
        } catch {
            await client.shutdown()
            print("plutus seed: \(error)")
            throw ExitCode.failure
        }
    }
}

/// Writing demo households and printing the demo login: what `plutus seed` does, and
/// `plutus migrate --demo` after migrating.
enum DemoHouseholds {
    /// The seed `plutus migrate --demo` uses, so every demo deployment has the same households.
    static let demoSeed: UInt64 = 42

    static func validate(users: Int, option: String) throws {
        guard (1...1_000_000).contains(users) else { throw ValidationError("\(option) must be from 1 to 1000000") }
    }

    /// Seeds `users` households from `seed` (nothing when that seed was already written) and
    /// prints what was written, the demo user, and a token for it when `PLUTUS_JWT_SECRET` is set.
    static func seed(users: Int, seed: UInt64, client: PostgresClient, hostTables: HostTables) async throws {
        let started = ContinuousClock.now
        let summary = try await DemoSeeder(client: client, hostTables: hostTables, logger: Logger(label: "plutus.seed"))
            .seed(users: users, seed: seed)
        if summary.alreadySeeded {
            print("already seeded with --seed \(seed): nothing written")
        } else {
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(
                "seeded \(summary.users) households in \(String(format: "%.1f", seconds)) s: \(summary.accounts) accounts, "
                    + "\(summary.balances) balances, \(summary.holdings) holdings, \(summary.transactions) transactions, "
                    + "\(summary.goals) goals")
        }
        print("demo user: \(summary.demoUserID)")
        let environment = ProcessInfo.processInfo.environment
        if let secret = environment["PLUTUS_JWT_SECRET"],
            let tokens = try? await AccessTokens.make(secret: secret, policy: .init(environment: environment))
        {
            print("demo token: \(try await tokens.issue(userID: summary.demoUserID))")
        } else {
            print("demo token: set PLUTUS_JWT_SECRET (32+ characters), then run `plutus token --user \(summary.demoUserID)`")
        }
    }
}
