import BenchmarkSupport

/// What each run does; the same for the floor and the RPC.
struct ComparisonPlan: Sendable {
    var warmupCalls: Int
    var sequentialCalls: Int
    /// The sequential calls go in this many alternating rounds, floor then RPC, so both meet the
    /// same machine: on a VM, where the scheduler puts the two event loops moves their latency by 5x.
    var sequentialRounds = 10
    var duration: Duration
    var inFlight = 64
    var connections = 4
}

/// One side's four figures.
struct EchoFigures: Sendable {
    let sequentialP50: Duration
    let sequentialP99: Duration
    let oneConnection: Throughput
    let spread: Throughput
}

/// The floor and the RPC measured in turn, each figure's two runs back to back so that the
/// machine's drift (two shared cores) hits both alike.
struct Comparison: Sendable {
    let floor: EchoFigures
    let rpc: EchoFigures

    static func measure(
        floor: any EchoBenchmark, rpc: any EchoBenchmark, plan: ComparisonPlan
    ) async throws -> Comparison {
        for side in [floor, rpc] { try await warmUp(side, plan) }
        var (floorLatency, rpcLatency) = (LatencySamples(), LatencySamples())
        for round in 0..<plan.sequentialRounds {
            let calls = roundRobin(plan.sequentialCalls, over: plan.sequentialRounds)[round]
            floorLatency.record(contentsOf: try await floor.sequential(calls: calls))
            rpcLatency.record(contentsOf: try await rpc.sequential(calls: calls))
        }
        let floorOne = try await floor.throughput(inFlight: plan.inFlight, connections: 1, for: plan.duration)
        let rpcOne = try await rpc.throughput(inFlight: plan.inFlight, connections: 1, for: plan.duration)
        let floorSpread = try await floor.throughput(
            inFlight: plan.inFlight, connections: plan.connections, for: plan.duration)
        let rpcSpread = try await rpc.throughput(
            inFlight: plan.inFlight, connections: plan.connections, for: plan.duration)
        return Comparison(
            floor: EchoFigures(floorLatency, floorOne, floorSpread), rpc: EchoFigures(rpcLatency, rpcOne, rpcSpread))
    }

    private static func warmUp(_ side: any EchoBenchmark, _ plan: ComparisonPlan) async throws {
        _ = try await side.sequential(calls: plan.warmupCalls)
        _ = try await side.throughput(inFlight: plan.inFlight, connections: plan.connections, for: .milliseconds(300))
    }
}

extension EchoFigures {
    fileprivate init(_ latencies: LatencySamples, _ oneConnection: Throughput, _ spread: Throughput) {
        let sorted = latencies.samples.sorted()
        self.init(
            sequentialP50: sortedPercentile(sorted, 0.50), sequentialP99: sortedPercentile(sorted, 0.99),
            oneConnection: oneConnection, spread: spread)
    }
}
