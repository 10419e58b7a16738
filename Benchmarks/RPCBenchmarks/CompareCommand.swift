import ArgumentParser
import PlutusWire

/// The figures: sequential p50/p99 and throughput with 64 calls in flight, floor against
/// RPC, with each target's verdict.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Floor against RPC: sequential p50/p99, and 64 calls in flight on 1 and on 4 connections."
    )

    @Option(help: "Seconds per throughput run.") var seconds = 3.0
    @Option(help: "Sequential calls measured, after the warm-up.") var calls = 20_000
    @Option(help: "Sequential calls of the warm-up.") var warmupCalls = 2_000
    @Option(help: "The transports to measure.") var transport = TransportChoice.both

    func validate() throws {
        guard seconds > 0, calls > 0, warmupCalls >= 0 else {
            throw ValidationError("--seconds and --calls must be positive, --warmup-calls not negative")
        }
    }

    func run() async throws {
        let plan = ComparisonPlan(warmupCalls: warmupCalls, sequentialCalls: calls, duration: .seconds(seconds))
        let payloadBytes = try EchoPayload.fact.serializedBytes().count
        try await BenchEnvironment.run { environment in
            for transport in transport.transports {
                let floor = try await environment.start(.floor, over: transport, connections: plan.connections)
                let rpc = try await environment.start(.rpc, over: transport, connections: plan.connections)
                let comparison = try await Comparison.measure(floor: floor, rpc: rpc, plan: plan)
                await floor.close()
                await rpc.close()
                let report = Report(
                    transport: transport, plan: plan, payloadBytes: payloadBytes, comparison: comparison)
                print(report.markdown + "\n")
            }
        }
    }
}
