import Foundation
import Logging
import PlutusWire
import RPCCore
import RPCTransport
import Synchronization
import Testing

/// A real server and client over real sockets, Unix and TCP.
@Suite("RPC over sockets")
struct RPCSocketTests {
    static let slow = RPCMethod(service: "plutus.v1.Test", method: "Slow")
    static let logger = Logger(label: "plutus.tests.rpc-socket")

    static let echo = RPCMethod(service: "plutus.v1.Test", method: "Echo")
    static let pause = RPCMethod(service: "plutus.v1.Test", method: "Pause")

    /// Which `Pause` calls (by their request's service field) have reached their handler.
    final class Arrivals: Sendable {
        private let names = Mutex<Set<String>>([])
        func record(_ name: String) { _ = names.withLock { $0.insert(name) } }
        func contains(_ name: String) -> Bool { names.withLock { $0.contains(name) } }
    }
    static let arrivals = Arrivals()
    static let token = "cluster-secret-\(UUID().uuidString)"

    private static var router: RPCRouter {
        var router = RPCRouter()
        HealthService { $0.isEmpty ? .serving : .serviceUnknown }.register(in: &router)
        router.register(echo) { (request: HealthCheckRequest, context) in
            HealthCheckResponse(status: context.metadata["x-echo"] == request.service ? .serving : .notServing)
        }
        router.register(pause) { (request: HealthCheckRequest, _) -> HealthCheckResponse in
            arrivals.record(request.service)
            try await Task.sleep(for: .milliseconds(300))
            return HealthCheckResponse(status: .serving)
        }
        router.register(slow) { (_: HealthCheckRequest, _) -> HealthCheckResponse in
            try await Task.sleep(for: .seconds(30))
            return HealthCheckResponse()
        }
        return router
    }

    private func withServer(
        _ address: RPCAddress, clientToken: String? = RPCSocketTests.token,
        _ body: (RPCServer, RPCClientConnection) async throws -> Void
    ) async throws {
        try await withServerAndClient(
            address, router: Self.router, serverToken: Self.token, clientToken: clientToken, logger: Self.logger, body)
    }

    @Test func aUnaryCallOverAUnixSocketWithOwnerOnlyPermissions() async throws {
        let path = temporarySocketPath("rpc")
        try await withServer(.unix(path: path)) { _, client in
            let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(permissions == 0o600)
            let response = try await client.unary(
                Self.echo, HealthCheckRequest(service: "x"), as: HealthCheckResponse.self, metadata: ["x-echo": "x"])
            #expect(response.status == .serving)
            let health = try await client.unary(HealthService.check, HealthCheckRequest(), as: HealthCheckResponse.self)
            #expect(health.status == .serving)
            let other = try await client.unary(
                HealthService.check, HealthCheckRequest(service: "nope"), as: HealthCheckResponse.self)
            #expect(other.status == .serviceUnknown)
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// 100 calls at once, within the server's default bound of 128 per connection.
    @Test func manyConcurrentCallsShareOneTCPConnection() async throws {
        try await withServer(.tcp(host: "127.0.0.1", port: 0)) { _, client in
            let statuses = try await withThrowingTaskGroup(of: ServingStatus.self) { group in
                for index in 0..<100 {
                    group.addTask {
                        try await client.unary(
                            Self.echo, HealthCheckRequest(service: "\(index)"), as: HealthCheckResponse.self,
                            metadata: ["x-echo": "\(index)"]
                        ).status
                    }
                }
                return try await group.reduce(into: [ServingStatus]()) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: .serving, count: 100))
        }
    }

    @Test func statusesDeadlinesAndCancellationCrossTheWire() async throws {
        try await withServer(.unix(path: temporarySocketPath("rpc"))) { _, client in
            let unknown = RPCMethod(service: "plutus.v1.Nope", method: "Nothing")
            let unimplemented = await #expect(throws: RPCError.self) {
                try await client.unary(unknown, HealthCheckRequest(), as: HealthCheckResponse.self)
            }
            #expect(unimplemented?.code == .unimplemented)

            let late = await #expect(throws: RPCError.self) {
                try await client.unary(
                    Self.slow, HealthCheckRequest(), as: HealthCheckResponse.self,
                    deadline: RPCDeadline(after: .milliseconds(200)))
            }
            #expect(late?.code == .deadlineExceeded)

            let call = Task { try await client.unary(Self.slow, HealthCheckRequest(), as: HealthCheckResponse.self) }
            try await Task.sleep(for: .milliseconds(100))
            call.cancel()
            let cancelled = await #expect(throws: RPCError.self) { try await call.value }
            #expect(cancelled?.code == .cancelled)

            // The connection still serves calls afterwards.
            let response = try await client.unary(
                Self.echo, HealthCheckRequest(service: "again"), as: HealthCheckResponse.self,
                metadata: ["x-echo": "again"])
            #expect(response.status == .serving)
        }
    }

    @Test func callsWithoutTheClusterTokenAreUnauthenticated() async throws {
        for clientToken in [nil, "wrong", Self.token + "x"] {
            try await withServer(.tcp(host: "127.0.0.1", port: 0), clientToken: clientToken) { _, client in
                let error = await #expect(throws: RPCError.self) {
                    try await client.unary(HealthService.check, HealthCheckRequest(), as: HealthCheckResponse.self)
                }
                #expect(error?.code == .unauthenticated)
            }
        }
        await #expect(throws: RPCAddressError.self) {
            try await RPCServer.bind(.tcp(host: "127.0.0.1", port: 0), router: Self.router, logger: Self.logger)
        }
    }

    @Test func gracefulShutdownLetsCallsInFlightFinish() async throws {
        let server = try await RPCServer.bind(
            .unix(path: temporarySocketPath("rpc")), router: Self.router, configuration: .init(clusterToken: Self.token),
            logger: Self.logger)
        let client = try await RPCClientConnection.connect(
            to: server.address, clusterToken: Self.token, logger: Self.logger)
        let name = UUID().uuidString
        let inFlight = Task {
            try await client.unary(Self.pause, HealthCheckRequest(service: name), as: HealthCheckResponse.self)
        }
        for _ in 0..<500 where !Self.arrivals.contains(name) {
            try await Task.sleep(for: .milliseconds(10))
        }
        try await server.shutdownGracefully()
        #expect(try await inFlight.value.status == .serving)
        let afterwards = await #expect(throws: RPCError.self) {
            try await client.unary(HealthService.check, HealthCheckRequest(), as: HealthCheckResponse.self)
        }
        #expect(afterwards?.code == .unavailable)
        await #expect(throws: (any Error).self) {
            try await RPCClientConnection.connect(to: server.address, clusterToken: Self.token, logger: Self.logger)
        }
    }

    @Test func constantTimeComparisonIsStillEquality() {
        #expect(ConstantTime.equals("secret", "secret"))
        #expect(!ConstantTime.equals("secret", "secreT"))
        #expect(!ConstantTime.equals("secret", "secret2"))
        #expect(!ConstantTime.equals("", "x"))
        #expect(ConstantTime.equals("", ""))
    }

    @Test func addressesParseAndRejectNonsense() throws {
        #expect(try RPCAddress(parsing: "unix:///tmp/a.sock") == .unix(path: "/tmp/a.sock"))
        #expect(try RPCAddress(parsing: "tcp://127.0.0.1:7000") == .tcp(host: "127.0.0.1", port: 7000))
        for bad in ["", "http://x:1", "unix://relative.sock", "tcp://host", "tcp://:80", "tcp://h:99999", "tcp://h:x"] {
            #expect(throws: RPCAddressError.self) { try RPCAddress(parsing: bad) }
        }
    }

    @Test func aWildcardListenerIsReachedOnLoopback() throws {
        #expect(try RPCAddress(parsing: "tcp://0.0.0.0:7003").onThisHost == .tcp(host: "127.0.0.1", port: 7003))
        #expect(try RPCAddress(parsing: "tcp://[::]:7003").onThisHost == .tcp(host: "::1", port: 7003))
        #expect(try RPCAddress(parsing: "tcp://10.0.0.5:7003").onThisHost == .tcp(host: "10.0.0.5", port: 7003))
        #expect(try RPCAddress(parsing: "unix:///tmp/a.sock").onThisHost == .unix(path: "/tmp/a.sock"))
    }
}
