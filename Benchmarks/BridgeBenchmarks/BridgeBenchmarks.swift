import ArgumentParser

/// Benchmarks of the C bridges, each against the floor measured in the same run.
@main
struct BridgeBenchmarks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plutus-bench-bridges",
        abstract: "Benchmarks of the libpq, hiredis and libcurl bridges against their floors, in one run.",
        subcommands: [PostgresBenchmark.self, RedisBenchmark.self, HTTPBenchmark.self]
    )
}
