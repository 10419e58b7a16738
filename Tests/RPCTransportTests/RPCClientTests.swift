import Foundation
import Logging
import PlutusWire
import RPCCore
import Synchronization
import Testing

@testable import RPCTransport

/// The balanced client against real servers on real sockets.
@Suite("RPC client: replicas, balancing, failover")
struct RPCClientTests {
    static let logger = Logger(label: "plutus.tests.rpc-client-pool")
    /// Answers with the replica's name after a short pause, so calls overlap.
    static let whoAmI = RPCMethod(service: "plutus.v1.Test", method: "WhoAmI")

    /// Counts the calls each replica served.
    final class Tally: Sendable {
        private let counts = Mutex<[String: Int]>([:])
        func record(_ name: String) { counts.withLock { $0[name, default: 0] += 1 } }
        var snapshot: [String: Int] { counts.withLock { $0 } }
    }

    private static func startReplica(_ name: String, tally: Tally, at address: RPCAddress? = nil) async throws -> RPCServer {
        var router = RPCRouter()
        HealthService { _ in .serving }.register(in: &router)
        router.register(whoAmI) { (_: HealthCheckRequest, _) in
            try await Task.sleep(for: .milliseconds(20))
            tally.record(name)
            return HealthCheckRequest(service: name)
        }
        let address = address ?? temporarySocket("replica")
        return try await RPCServer.bind(address, router: router, logger: logger)
    }

    private static let quickRecovery = RPCClient.Configuration(
        healthCheckInterval: .milliseconds(50), reconnectBackoff: Backoff(initial: .milliseconds(20), maximum: .milliseconds(100)))

    private func idempotent() -> RPCMetadata {
        var metadata = RPCMetadata()
        metadata.idempotencyKey = UUID().uuidString
        return metadata
    }

    @Test func callsSpreadOverEveryReplica() async throws {
        let tally = Tally()
        let servers = try await [
            Self.startReplica("a", tally: tally), Self.startReplica("b", tally: tally), Self.startReplica("c", tally: tally),
        ]
        let client = RPCClient(
            service: "test", target: .addresses(servers.map(\.address)), configuration: Self.quickRecovery, logger: Self.logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<90 {
                group.addTask { _ = try await client.unary(Self.whoAmI, HealthCheckRequest(), as: HealthCheckRequest.self) }
            }
            try await group.waitForAll()
        }
        let counts = tally.snapshot
        #expect(counts.keys.sorted() == ["a", "b", "c"])
        #expect(counts.values.allSatisfy { $0 >= 20 }, "least-outstanding balancing spreads concurrent calls: \(counts)")
        await client.close()
        for server in servers { try await server.close() }
    }

    @Test func aBusyReplicaGetsMoreConnectionsUpToTheLimit() async throws {
        let tally = Tally()
        let server = try await Self.startReplica("only", tally: tally)
        let client = RPCClient(
            service: "test", target: .addresses([server.address]),
            configuration: .init(maximumCallsPerConnection: 10, maximumConnectionsPerReplica: 3), logger: Self.logger)
        _ = try await client.unary(Self.whoAmI, HealthCheckRequest(), as: HealthCheckRequest.self)
        #expect(client.replicaStatuses().first?.openConnections == 1, "one connection while calls are few")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<60 {
                group.addTask { _ = try await client.unary(Self.whoAmI, HealthCheckRequest(), as: HealthCheckRequest.self) }
            }
            try await group.waitForAll()
        }
        #expect(tally.snapshot["only"] == 61)
        #expect(client.replicaStatuses().first?.openConnections == 3, "60 concurrent calls opened up to three")
        #expect(client.replicaStatuses().first?.outstandingCalls == 0)
        await client.close()
        try await server.close()
    }

    @Test func idempotentCallsSurviveAReplicaDyingMidCall() async throws {
        let tally = Tally()
        let doomed = try await Self.startReplica("doomed", tally: tally)
        let survivor = try await Self.startReplica("survivor", tally: tally)
        let client = RPCClient(
            service: "test", target: .addresses([doomed.address, survivor.address]), configuration: Self.quickRecovery,
            logger: Self.logger)
        let calls = Task {
            try await withThrowingTaskGroup(of: String.self, returning: [String].self) { group in
                for index in 0..<200 {
                    group.addTask {
                        try await Task.sleep(for: .milliseconds(index))
                        return try await client.unary(
                            Self.whoAmI, HealthCheckRequest(), as: HealthCheckRequest.self, metadata: idempotent()
                        ).service
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        try await Task.sleep(for: .milliseconds(60))
        try await doomed.shutdownGracefully(timeout: .zero)  // cuts off its calls in flight
        let answers = try await calls.value
        #expect(answers.count == 200, "not one idempotent call failed")
        #expect(answers.contains("survivor"))
        #expect(client.replicaStatuses().first { $0.address == doomed.address }?.isAdmitted == false)
        await client.close()
        try await survivor.close()
    }

    @Test func aCallThatIsNotIdempotentFailsWhenItsReplicaDies() async throws {
        let tally = Tally()
        let doomed = try await Self.startReplica("doomed", tally: tally)
        let client = RPCClient(service: "test", target: .addresses([doomed.address]), logger: Self.logger)
        let call = Task { try await client.unary(Self.whoAmI, HealthCheckRequest(), as: HealthCheckRequest.self) }
        try await Task.sleep(for: .milliseconds(5))
        try await doomed.shutdownGracefully(timeout: .zero)
        let error = await #expect(throws: RPCError.self) { try await call.value }
        #expect(error?.code == .unavailable)
        await client.close()
    }

    @Test func anEjectedReplicaIsReadmittedWhenItComesBack() async throws {
        let tally = Tally()
        let address = temporarySocket("replica")
        let first = try await Self.startReplica("first", tally: tally, at: address)
        let client = RPCClient(
            service: "test", target: .addresses([first.address]), configuration: Self.quickRecovery, logger: Self.logger)
        let health = Task { await client.run() }
        #expect(try await client.unary(Self.whoAmI, HealthCheckRequest(), as: HealthCheckRequest.self).service == "first")
        try await first.shutdownGracefully(timeout: .zero)
        try await until { client.replicaStatuses().first?.isAdmitted == false }
        let down = await #expect(throws: RPCError.self) {
            try await client.unary(Self.whoAmI, HealthCheckRequest(), as: HealthCheckRequest.self)
        }
        #expect(down?.code == .unavailable)
        let second = try await Self.startReplica("second", tally: tally, at: address)
        try await until { client.replicaStatuses().first?.isAdmitted == true }
        #expect(try await client.unary(Self.whoAmI, HealthCheckRequest(), as: HealthCheckRequest.self).service == "second")
        health.cancel()
        await client.close()
        try await second.close()
    }

    @Test func aDNSTargetFindsItsReplicasByName() async throws {
        var router = RPCRouter()
        HealthService { _ in .serving }.register(in: &router)
        let token = "dns-test-\(UUID().uuidString)"
        let server = try await RPCServer.bind(
            .tcp(host: "127.0.0.1", port: 0), router: router, configuration: .init(clusterToken: token), logger: Self.logger)
        guard case .tcp(_, let port) = server.address else { throw RPCError(code: .internal, message: "not TCP") }
        let client = RPCClient(
            service: "test", target: .dns(host: "localhost", port: port), configuration: .init(clusterToken: token),
            logger: Self.logger)
        let health = try await client.unary(HealthService.check, HealthCheckRequest(), as: HealthCheckResponse.self)
        #expect(health.status == .serving)
        #expect(client.replicaStatuses().map(\.address) == [.tcp(host: "127.0.0.1", port: port)])
        await client.close()
        try await server.close()
    }

    @Test func aNameThatDoesNotResolveIsUnavailable() async throws {
        let client = RPCClient(service: "test", target: .dns(host: "no-such-host.invalid", port: 7000), logger: Self.logger)
        let error = await #expect(throws: RPCError.self) {
            try await client.unary(HealthService.check, HealthCheckRequest(), as: HealthCheckResponse.self)
        }
        #expect(error?.code == .unavailable)
        await client.close()
    }

    @Test func streamsGoThroughTheClientToo() async throws {
        var router = RPCRouter()
        router.registerServerStreaming(Self.whoAmI) { (_: HealthCheckRequest, writer: RPCResponseWriter<HealthCheckRequest>, _) in
            for index in 0..<10 { try await writer.send(HealthCheckRequest(service: "\(index)")) }
        }
        let server = try await RPCServer.bind(
            temporarySocket("replica"), router: router,
            logger: Self.logger)
        let client = RPCClient(service: "test", target: .addresses([server.address]), logger: Self.logger)
        var received: [String] = []
        for try await response in try client.serverStreaming(Self.whoAmI, HealthCheckRequest(), as: HealthCheckRequest.self) {
            received.append(response.service)
        }
        #expect(received == (0..<10).map(String.init))
        #expect(client.replicaStatuses().first?.outstandingCalls == 0)
        await client.close()
        try await server.close()
    }

    /// Waits (up to five seconds) for `condition`.
    private func until(_ condition: () -> Bool) async throws {
        for _ in 0..<500 where !condition() {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(condition())
    }
}
