import Foundation
import Logging
import PlutusWire
import RPCCore
import RPCTransport
import Synchronization
import Testing

/// Server-streaming calls, over a real Unix socket and through the in-process caller.
@Suite("RPC server streaming and the in-process caller")
struct RPCStreamingTests {
    static let logger = Logger(label: "plutus.tests.rpc-streaming")
    /// Streams `count` responses (`count` taken from the request's service field), then ends OK.
    static let count = RPCMethod(service: "plutus.v1.Test", method: "Count")
    /// Streams two responses, then fails with NOT_FOUND.
    static let failHalfway = RPCMethod(service: "plutus.v1.Test", method: "FailHalfway")
    /// Streams until cancelled; records the cancellation.
    static let endless = RPCMethod(service: "plutus.v1.Test", method: "Endless")
    static let secretFailure = RPCMethod(service: "plutus.v1.Test", method: "Secret")
    static let slow = RPCMethod(service: "plutus.v1.Test", method: "Slow")

    struct Secret: Error { let password = "hunter2" }

    /// Set once a handler saw its task cancelled.
    final class Probe: Sendable {
        let cancelled = Atomic<Bool>(false)
        var sawCancellation: Bool { cancelled.load(ordering: .relaxed) }
    }

    static func router(probe: Probe) -> RPCRouter {
        var router = RPCRouter()
        HealthService { _ in .serving }.register(in: &router)
        router.registerServerStreaming(count) { (request: HealthCheckRequest, responses: RPCResponseWriter<HealthCheckRequest>, _) in
            for index in 0..<(Int(request.service) ?? 0) {
                try await responses.send(HealthCheckRequest(service: "\(index)"))
            }
        }
        router.registerServerStreaming(failHalfway) { (_: HealthCheckRequest, responses: RPCResponseWriter<HealthCheckRequest>, _) in
            try await responses.send(HealthCheckRequest(service: "a"))
            try await responses.send(HealthCheckRequest(service: "b"))
            throw RPCError(code: .notFound, message: "no more")
        }
        router.registerServerStreaming(endless) { (_: HealthCheckRequest, responses: RPCResponseWriter<HealthCheckRequest>, _) in
            do {
                while true {
                    try await responses.send(HealthCheckRequest(service: "tick"))
                    try await Task.sleep(for: .milliseconds(5))
                }
            } catch {
                probe.cancelled.store(true, ordering: .relaxed)
                throw error
            }
        }
        router.register(secretFailure) { (_: HealthCheckRequest, _) -> HealthCheckResponse in throw Secret() }
        router.register(slow) { (_: HealthCheckRequest, _) -> HealthCheckResponse in
            try await Task.sleep(for: .seconds(30))
            return HealthCheckResponse()
        }
        return router
    }

    private func withUnixServer(probe: Probe, _ body: (RPCClientConnection) async throws -> Void) async throws {
        try await withServerAndClient(temporarySocket("stream"), router: Self.router(probe: probe), logger: Self.logger) {
            _, client in try await body(client)
        }
    }

    private func collect(_ stream: RPCResponseStream<HealthCheckRequest>) async throws -> [String] {
        var names: [String] = []
        for try await response in stream { names.append(response.service) }
        return names
    }

    /// Runs the same checks through every caller: a socket connection and the in-process one.
    private func withEachCaller(_ body: (any RPCCaller, Probe) async throws -> Void) async throws {
        let socketProbe = Probe()
        try await withUnixServer(probe: socketProbe) { client in try await body(client, socketProbe) }
        let inProcessProbe = Probe()
        try await body(InProcessRPCCaller(router: Self.router(probe: inProcessProbe)), inProcessProbe)
    }

    @Test func aStreamDeliversEveryResponseInOrderThenEnds() async throws {
        try await withEachCaller { caller, _ in
            let names = try await collect(try caller.serverStreaming(Self.count, HealthCheckRequest(service: "500")))
            #expect(names == (0..<500).map(String.init))
            #expect(try await collect(try caller.serverStreaming(Self.count, HealthCheckRequest(service: "0"))).isEmpty)
        }
    }

    @Test func aFailingStreamDeliversWhatCameBeforeThenThrowsItsStatus() async throws {
        try await withEachCaller { caller, _ in
            var received: [String] = []
            let error = await #expect(throws: RPCError.self) {
                for try await response in try caller.serverStreaming(
                    Self.failHalfway, HealthCheckRequest(), as: HealthCheckRequest.self)
                {
                    received.append(response.service)
                }
            }
            #expect(received == ["a", "b"])
            #expect(error == RPCError(code: .notFound, message: "no more"))
        }
    }

    @Test func leavingAStreamEarlyCancelsTheServersHandler() async throws {
        try await withEachCaller { caller, probe in
            var ticks = 0
            for try await _ in try caller.serverStreaming(Self.endless, HealthCheckRequest(), as: HealthCheckRequest.self) {
                ticks += 1
                if ticks == 3 { break }
            }
            for _ in 0..<500 where !probe.sawCancellation {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(probe.sawCancellation)
            // The caller still works afterwards.
            let health = try await caller.unary(HealthService.check, HealthCheckRequest(), as: HealthCheckResponse.self)
            #expect(health.status == .serving)
        }
    }

    @Test func aStreamsDeadlineEndsItWithDeadlineExceeded() async throws {
        try await withEachCaller { caller, _ in
            let error = await #expect(throws: RPCError.self) {
                for try await _ in try caller.serverStreaming(
                    Self.endless, HealthCheckRequest(), as: HealthCheckRequest.self,
                    deadline: RPCDeadline(after: .milliseconds(100)))
                {}
            }
            #expect(error?.code == .deadlineExceeded)
        }
    }

    @Test func theInProcessCallerAnswersLikeASocket() async throws {
        let caller = InProcessRPCCaller(router: Self.router(probe: Probe()))
        let unknown = await #expect(throws: RPCError.self) {
            try await caller.unary(RPCMethod(service: "plutus.v1.Nope", method: "No"), HealthCheckRequest(), as: HealthCheckResponse.self)
        }
        #expect(unknown?.code == .unimplemented)
        let secret = await #expect(throws: RPCError.self) {
            try await caller.unary(Self.secretFailure, HealthCheckRequest(), as: HealthCheckResponse.self)
        }
        #expect(secret == RPCError(code: .internal, message: "internal error"))
        let late = await #expect(throws: RPCError.self) {
            try await caller.unary(
                Self.slow, HealthCheckRequest(), as: HealthCheckResponse.self, deadline: RPCDeadline(after: .milliseconds(50)))
        }
        #expect(late?.code == .deadlineExceeded)
        let malformed = await #expect(throws: RPCError.self) {
            try await caller.call(RPCRequest(method: HealthService.check, payload: [0xFF, 0xFF, 0xFF]))
        }
        #expect(malformed?.code == .invalidArgument)
    }
}
