import ArgumentParser
import Foundation
import Logging
import PlutusAuth
import PlutusData

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
        guard (1...1_000_000).contains(users) else { throw ValidationError("--users must be from 1 to 1000000") }
    }

    func run() async throws {
        let (client, hostTables) = try data.connect("plutus-seed")
        let started = ContinuousClock.now
        let summary: DemoSeeder.Summary
        do {
            summary = try await DemoSeeder(client: client, hostTables: hostTables, logger: Logger(label: "plutus.seed"))
                .seed(users: users, seed: seed)
            await client.shutdown()
        } catch {
            await client.shutdown()
            print("plutus seed: \(error)")
            throw ExitCode.failure
        }
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
        if let secret = ProcessInfo.processInfo.environment["PLUTUS_JWT_SECRET"],
            let tokens = try? await AccessTokens.make(secret: secret, policy: .init(environment: ProcessInfo.processInfo.environment))
        {
            print("demo token: \(try await tokens.issue(userID: summary.demoUserID))")
        } else {
            print("demo token: set PLUTUS_JWT_SECRET (32+ characters), then run `plutus token --user \(summary.demoUserID)`")
        }
    }
}
