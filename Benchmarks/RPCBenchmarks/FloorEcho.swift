import BenchmarkSupport
import NIOCore
import NIOPosix

/// The floor: a bare SwiftNIO length-prefixed echo, server and clients written with channel
/// handlers only, carrying the same packed bytes as the RPC echo.
struct FloorEcho: EchoBenchmark {
    private let server: any Channel
    private let clients: [any Channel]

    /// Starts the server on `address` and opens `connections` clients to it.
    static func start(
        on address: SocketAddress, connections: Int, payload: [UInt8],
        serverGroup: any EventLoopGroup, clientGroup: any EventLoopGroup
    ) async throws -> FloorEcho {
        let server = try await FloorEchoServer.bind(address, group: serverGroup)
        guard let boundAddress = server.localAddress else { throw ChannelError.unknownLocalAddress }
        let body = ByteBuffer(bytes: payload)
        let bootstrap = ClientBootstrap(group: clientGroup).channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandlers([
                    ByteToMessageHandler(FloorFrameDecoder()), FloorClientHandler(payload: body),
                ])
            }
        }
        var clients: [any Channel] = []
        for _ in 0..<connections { clients.append(try await bootstrap.connect(to: boundAddress).get()) }
        return FloorEcho(server: server, clients: clients)
    }

    func sequential(calls: Int) async throws -> LatencySamples {
        try await run(.sequential(calls: calls), on: clients[0]).latencies
    }

    func throughput(inFlight: Int, connections: Int, for duration: Duration) async throws -> Throughput {
        let start = ContinuousClock.now
        let until = start + duration
        var results: [EventLoopFuture<FloorRunResult>] = []
        for (client, share) in zip(clients, roundRobin(inFlight, over: connections)) {
            results.append(begin(.throughput(inFlight: share, until: until), on: client))
        }
        var calls = 0
        for result in results { calls += try await result.get().calls }
        return Throughput(calls: calls, elapsed: ContinuousClock.now - start)
    }

    func close() async {
        for client in clients { try? await client.close() }
        try? await server.close()
    }

    private func run(_ plan: FloorRun.Plan, on client: any Channel) async throws -> FloorRunResult {
        try await begin(plan, on: client).get()
    }

    private func begin(_ plan: FloorRun.Plan, on client: any Channel) -> EventLoopFuture<FloorRunResult> {
        let promise = client.eventLoop.makePromise(of: FloorRunResult.self)
        client.triggerUserOutboundEvent(FloorRun(plan: plan, promise: promise), promise: nil)
        return promise.futureResult
    }
}
