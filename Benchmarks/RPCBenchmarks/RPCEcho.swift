import BenchmarkSupport
import Logging
import NIOCore
import PlutusWire
import RPCCore
import RPCTransport

/// The RPC side: an ``RPCServer`` serving `plutus.v1.Bench/Echo` and ``RPCClientConnection``s calling it.
struct RPCEcho: EchoBenchmark {
    static let method = RPCMethod(service: "plutus.v1.Bench", method: "Echo")

    struct WrongEcho: Error {}

    private let server: RPCServer
    private let clients: [RPCClientConnection]
    private let request: Fact

    /// Starts the server on `address`, opens `connections` clients, and checks one echo.
    static func start(
        on address: RPCAddress, clusterToken: String?, connections: Int, request: Fact,
        serverGroup: any EventLoopGroup, clientGroup: any EventLoopGroup, logger: Logger
    ) async throws -> RPCEcho {
        var router = RPCRouter()
        router.register(method) { (request: Fact, _) in request }
        let server = try await RPCServer.bind(
            address, router: router, configuration: .init(clusterToken: clusterToken), group: serverGroup, logger: logger)
        var clients: [RPCClientConnection] = []
        for _ in 0..<connections {
            clients.append(
                try await RPCClientConnection.connect(
                    to: server.address, clusterToken: clusterToken, group: clientGroup, logger: logger))
        }
        guard try await clients[0].unary(method, request, as: Fact.self) == request else { throw WrongEcho() }
        return RPCEcho(server: server, clients: clients, request: request)
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
        let start = ContinuousClock.now
        let until = start + duration
        let calls = try await withThrowingTaskGroup(of: Int.self) { group in
            for caller in 0..<inFlight {
                let (client, request) = (clients[caller % connections], request)
                group.addTask {
                    var calls = 0
                    while ContinuousClock.now < until {
                        _ = try await client.unary(Self.method, request, as: Fact.self)
                        calls += 1
                    }
                    return calls
                }
            }
            return try await group.reduce(0, +)
        }
        return Throughput(calls: calls, elapsed: ContinuousClock.now - start)
    }

    func close() async {
        for client in clients { try? await client.close() }
        try? await server.close()
    }
}
