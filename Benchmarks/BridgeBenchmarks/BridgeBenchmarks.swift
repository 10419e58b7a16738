import ArgumentParser

/// Benchmarks of the C bridges, each against the floor measured in the same run.
@main
struct BridgeBenchmarks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plutus-bench-bridges",
        abstract: "Benchmarks of the libpq, hiredis and libcurl bridges (and the model calls over libcurl) against their floors.",
        subcommands: [PostgresBenchmark.self, RedisBenchmark.self, HTTPBenchmark.self, LLMBenchmark.self]
    )
}
