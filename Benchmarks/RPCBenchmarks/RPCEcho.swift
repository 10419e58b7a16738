import BenchmarkSupport
import Logging
import NIOCore
import PlutusWire
import RPCCore
import RPCTransport

/// The RPC side: ``RPCClientConnection``s calling `plutus.v1.Bench/Echo` on an ``RPCServer``
/// (or, to profile, on an ``InlineEchoServer``).
struct RPCEcho: EchoBenchmark {
    static let method = RPCMethod(service: "plutus.v1.Bench", method: "Echo")

    /// Which server answers.
    enum ServerKind: Sendable {
        case rpcServer, inline
    }

    struct WrongEcho: Error {}

    private let clients: [RPCClientConnection]
    private let request: Fact
    private let closeServer: @Sendable () async -> Void

    /// Starts the server on `address`, opens `connections` clients, and checks one echo.
    static func start(
        _ kind: ServerKind = .rpcServer, on address: RPCAddress, clusterToken: String?, connections: Int,
        request: Fact, serverGroup: any EventLoopGroup, clientGroup: any EventLoopGroup, logger: Logger
    ) async throws -> RPCEcho {
        let (boundAddress, closeServer) = try await bind(kind, address, clusterToken, serverGroup, logger)
        var clients: [RPCClientConnection] = []
        for _ in 0..<connections {
            clients.append(
                try await RPCClientConnection.connect(
                    to: boundAddress, clusterToken: clusterToken, group: clientGroup, logger: logger))
        }
        guard try await clients[0].unary(method, request, as: Fact.self) == request else { throw WrongEcho() }
        return RPCEcho(clients: clients, request: request, closeServer: closeServer)
    }

    private static func bind(
        _ kind: ServerKind, _ address: RPCAddress, _ clusterToken: String?, _ group: any EventLoopGroup,
        _ logger: Logger
    ) async throws -> (RPCAddress, @Sendable () async -> Void) {
        switch kind {
        case .rpcServer:
            var router = RPCRouter()
            router.register(method) { (request: Fact, _) in request }
            let server = try await RPCServer.bind(
                address, router: router, configuration: .init(clusterToken: clusterToken), group: group, logger: logger)
            return (server.address, { try? await server.close() })
        case .inline:
            let (channel, boundAddress) = try await InlineEchoServer.bind(
                address, clusterToken: clusterToken, group: group)
            return (boundAddress, { try? await channel.close() })
        }
    }

    func sequential(calls: Int) async throws -> LatencySamples {
        let client = clients[0]
        var latencies = LatencySamples(reservingCapacity: calls)
        for _ in 0..<calls {
            let start = ContinuousClock.now
            _ = try await client.unary(Self.method, request, as: Fact.self)
            latencies.record(ContinuousClock.now - start)
        }
        return latencies
    }

    /// Caller `i` uses connection `i % connections`.
    func throughput(inFlight: Int, connections: Int, for duration: Duration) async throws -> Throughput {
        // Each caller runs on its connection's event loop, as a busy caller of the RPC should.
        try await concurrentCalls(
            inFlight: inFlight, for: duration, executor: { [clients] in clients[$0 % connections].taskExecutor }
        ) { [clients, request] caller in
            _ = try await clients[caller % connections].unary(Self.method, request, as: Fact.self)
        }
    }

    func close() async {
        for client in clients { try? await client.close() }
        await closeServer()
    }
}
