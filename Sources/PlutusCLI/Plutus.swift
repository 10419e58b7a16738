import ArgumentParser

/// The operator's command line. It grows with the cluster: today it checks the dependencies.
@main
struct Plutus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plutus",
        abstract: "Run and inspect Plutus, the AI wealth-building coach.",
        subcommands: [Health.self]
    )
}
