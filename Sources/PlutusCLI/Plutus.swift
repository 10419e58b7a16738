import ArgumentParser

/// The operator's command line: run the cluster locally and check on it.
@main
struct Plutus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plutus",
        abstract: "Run and inspect Plutus, the AI wealth-building coach.",
        subcommands: [Up.self, Health.self, Chat.self, Migrate.self, Seed.self, Token.self, Keygen.self]
    )
}
