import ArgumentParser
import Foundation
import Logging
import NIOPosix

/// Unary echo through the RPC against a bare SwiftNIO echo (the floor), both measured in one run.
@main
struct RPCBenchmarks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plutus-bench-rpc",
        abstract: "Unary echo over the RPC against a bare SwiftNIO length-prefixed echo, over Unix socket and TCP."
    )

    @Option(help: "Seconds per throughput run.") var seconds = 3.0
    @Option(help: "Sequential calls measured, after the warm-up.") var calls = 20_000
    @Option(help: "Sequential calls of the warm-up.") var warmupCalls = 2_000
    @Option(help: "unix, tcp or both.") var transport = TransportChoice.both

    func run() async throws {
        var logger = Logger(label: "plutus-bench.rpc")
        logger.logLevel = .error
        // Server and clients get an event loop each, as separate processes would; both sides share them.
        let serverGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let clientGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plutus-bench-rpc-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = ComparisonPlan(warmupCalls: warmupCalls, sequentialCalls: calls, duration: .seconds(seconds))
        let payload = try EchoPayload.fact.serializedBytes()
        for transport in transport.transports {
            let endpoints = try transport.endpoints(in: directory.path)
            let floor = try await FloorEcho.start(
                on: endpoints.floor, connections: plan.connections, payload: payload,
                serverGroup: serverGroup, clientGroup: clientGroup)
            let rpc = try await RPCEcho.start(
                on: endpoints.rpc, clusterToken: endpoints.clusterToken, connections: plan.connections,
                request: EchoPayload.fact, serverGroup: serverGroup, clientGroup: clientGroup, logger: logger)
            let comparison = try await Comparison.measure(floor: floor, rpc: rpc, plan: plan)
            await floor.close()
            await rpc.close()
            let report = Report(transport: transport, plan: plan, payloadBytes: payload.count, comparison: comparison)
            print(report.markdown + "\n")
        }
        try await serverGroup.shutdownGracefully()
        try await clientGroup.shutdownGracefully()
    }
}
