import ArgumentParser
import BenchmarkSupport

/// Each layer between the floor and the RPC on its own, with what it costs the machine per call:
/// the gaps between rows say which layer the time goes to.
struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Each layer from the floor to the RPC alone, with CPU time and context switches per call.",
        discussion: """
            Sides: floor (bare NIO), async-floor (+ a client awaiting each call from a task), \
            rpc-inline-server (+ the RPC client and the RPC's frames, answered on the event loop), \
            rpc (+ RPCServer's task per call). For a profile of one side: \
            perf record -e cpu-clock -g -- plutus-bench-rpc profile --side rpc
            """
    )

    @Option(help: "Only this side (default: every side, floor first).") var side: EchoSide?
    @Option(help: "The transport.") var transport = BenchTransport.unix
    @Option(help: "Seconds of the throughput run.") var seconds = 3.0
    @Option(help: "Sequential calls measured, after the warm-up.") var calls = 20_000
    @Option(help: "Sequential calls of the warm-up.") var warmupCalls = 2_000
    @Option(help: "Calls in flight in the throughput run.") var inFlight = 64
    @Option(help: "Connections they spread over.") var connections = 1

    func validate() throws {
        guard seconds > 0, calls > 0, warmupCalls >= 0, inFlight > 0, connections > 0 else {
            throw ValidationError("every count and --seconds must be positive (--warmup-calls may be 0)")
        }
    }

    func run() async throws {
        print("\(transport.title): \(calls) sequential calls; \(inFlight) in flight on \(connections) connection(s)\n")
        print("| side | seq p50 µs | seq p99 µs | seq CPU µs/call | seq switches/call ", terminator: "")
        print("| calls/s | CPU µs/call | switches/call |\n|---|---:|---:|---:|---:|---:|---:|---:|")
        try await BenchEnvironment.run { environment in
            for side in side.map({ [$0] }) ?? EchoSide.allCases {
                print(try await row(for: side, in: environment))
            }
        }
    }

    /// Measures `side` alone and returns its table row.
    private func row(for side: EchoSide, in environment: BenchEnvironment) async throws -> String {
        let echo = try await environment.start(side, over: transport, connections: connections)
        _ = try await echo.sequential(calls: warmupCalls)
        let (latencies, sequentialUsage) = try await ResourceUsage.measure {
            try await echo.sequential(calls: calls)
        }
        let (throughput, throughputUsage) = try await ResourceUsage.measure {
            try await echo.throughput(inFlight: inFlight, connections: connections, for: .seconds(seconds))
        }
        await echo.close()
        let sorted = latencies.samples.sorted()
        let cells = [
            side.rawValue, formatted(sortedPercentile(sorted, 0.5).microseconds),
            formatted(sortedPercentile(sorted, 0.99).microseconds), perCall(sequentialUsage, calls),
            formatted(throughput.callsPerSecond, 0), perCall(throughputUsage, throughput.calls),
        ]
        return "| " + cells.joined(separator: " | ") + " |"
    }

    /// CPU µs and context switches per call, as two table cells.
    private func perCall(_ usage: ResourceUsage, _ calls: Int) -> String {
        let calls = Double(max(calls, 1))
        return "\(formatted(usage.cpu.microseconds / calls)) | \(formatted(Double(usage.contextSwitches) / calls, 1))"
    }
}
