import Foundation
import Logging
import NIOCore
import NIOPosix

/// What every side runs on: one event loop for the servers and one for the clients (as two
/// processes would have), a directory for socket files, and a quiet logger.
struct BenchEnvironment: Sendable {
    let serverGroup: MultiThreadedEventLoopGroup
    let clientGroup: MultiThreadedEventLoopGroup
    let directory: String
    let logger: Logger

    /// Runs `body` in a fresh environment and takes it down afterwards.
    static func run<Result>(_ body: (BenchEnvironment) async throws -> Result) async throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plutus-bench-rpc-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var logger = Logger(label: "plutus-bench.rpc")
        logger.logLevel = .error
        let environment = BenchEnvironment(
            serverGroup: MultiThreadedEventLoopGroup(numberOfThreads: 1),
            clientGroup: MultiThreadedEventLoopGroup(numberOfThreads: 1), directory: directory.path, logger: logger)
        do {
            let result = try await body(environment)
            await environment.tearDown()
            return result
        } catch {
            await environment.tearDown()
            throw error
        }
    }

    private func tearDown() async {
        try? await serverGroup.shutdownGracefully()
        try? await clientGroup.shutdownGracefully()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Starts `side`'s server and `connections` clients over `transport`.
    func start(_ side: EchoSide, over transport: BenchTransport, connections: Int) async throws -> any EchoBenchmark {
        let payload = try EchoPayload.fact.serializedBytes()
        let name = side.rawValue
        switch side {
        case .floor:
            return try await FloorEcho.start(
                on: transport.socketAddress(name, in: directory), connections: connections, payload: payload,
                serverGroup: serverGroup, clientGroup: clientGroup)
        case .asyncFloor:
            return try await AsyncFloorEcho.start(
                on: transport.socketAddress(name, in: directory), connections: connections, payload: payload,
                serverGroup: serverGroup, clientGroup: clientGroup)
        case .rpcInlineServer, .rpc:
            return try await RPCEcho.start(
                side == .rpc ? .rpcServer : .inline, on: transport.rpcAddress(name, in: directory),
                clusterToken: transport.clusterToken, connections: connections, request: EchoPayload.fact,
                serverGroup: serverGroup, clientGroup: clientGroup, logger: logger)
        }
    }
}
