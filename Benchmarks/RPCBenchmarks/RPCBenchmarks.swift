import ArgumentParser

/// Unary echo through the RPC against a bare SwiftNIO echo (the floor), both measured in one run.
@main
struct RPCBenchmarks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plutus-bench-rpc",
        abstract: "Unary echo over the RPC against a bare SwiftNIO length-prefixed echo, over Unix socket and TCP.",
        subcommands: [CompareCommand.self, ProfileCommand.self],
        defaultSubcommand: CompareCommand.self
    )
}
