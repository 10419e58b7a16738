import Logging
import NIOCore
import NIOEmbedded
import PlutusWire
import RPCCore
import RPCTransport
import Synchronization
import Testing

/// The server side of a connection, driven frame by frame without a socket.
@Suite("RPC server connection handler")
struct RPCServerConnectionHandlerTests {
    struct Secret: Error { let password = "hunter2" }

    static let check = RPCMethod(service: "plutus.v1.Health", method: "Check")
    static let slow = RPCMethod(service: "plutus.v1.Test", method: "Slow")
    static let failing = RPCMethod(service: "plutus.v1.Test", method: "Fail")

    /// Set once the slow handler saw its task cancelled.
    final class CancellationProbe: Sendable {
        let sawCancellation = Atomic<Bool>(false)
    }

    private func makeChannel(maximumConcurrentCalls: Int = 8, probe: CancellationProbe = .init()) async throws
        -> NIOAsyncTestingChannel
    {
        var router = RPCRouter()
        router.register(Self.check) { (request: HealthCheckRequest, _) in
            HealthCheckResponse(status: request.service.isEmpty ? .serving : .serviceUnknown)
        }
        router.register(Self.slow) { (_: HealthCheckRequest, _) -> HealthCheckResponse in
            do {
                try await Task.sleep(for: .seconds(30))
            } catch {
                probe.sawCancellation.store(true, ordering: .relaxed)
                throw error
            }
            return HealthCheckResponse()
        }
        router.register(Self.failing) { (_: HealthCheckRequest, _) -> HealthCheckResponse in throw Secret() }
        let routes = router
        return try await NIOAsyncTestingChannel { channel in
            let handler = RPCServerConnectionHandler(
                router: routes, maximumConcurrentCalls: maximumConcurrentCalls, logger: Logger(label: "plutus.tests.rpc"))
            try channel.pipeline.syncOperations.addHandler(handler)
        }
    }

    private func request(
        _ streamID: UInt64, _ method: String, payload: [UInt8] = [], deadline: RPCDeadline? = nil
    ) -> Frame {
        var frame = Frame()
        frame.streamID = streamID
        frame.kind = .request
        frame.method = method
        frame.payload = payload
        frame.deadlineUnixMs = deadline?.unixMilliseconds ?? 0
        return frame
    }

    private func end(of channel: NIOAsyncTestingChannel) async throws -> (Frame, RPCStatus) {
        let frame = try await channel.waitForOutboundWrite(as: Frame.self)
        #expect(frame.kind == .end)
        let status = RPCStatus(wireCode: frame.status?.code ?? 0, message: frame.status?.message ?? "")
        return (frame, status)
    }

    @Test func answersAUnaryCallWithOneEndFrameCarryingTheResponse() async throws {
        let channel = try await makeChannel()
        try await channel.writeInbound(request(1, Self.check.fullName, payload: try HealthCheckRequest().serializedBytes()))
        let (end, status) = try await end(of: channel)
        #expect(end.streamID == 1)
        #expect(status == .ok)
        #expect(try HealthCheckResponse(serializedBytes: end.payload).status == .serving)
    }

    @Test func unknownMethodsAreUnimplemented() async throws {
        let channel = try await makeChannel()
        try await channel.writeInbound(request(1, "plutus.v1.Nope/Nothing"))
        #expect(try await end(of: channel).1.code == .unimplemented)
        try await channel.writeInbound(request(2, "not a method"))
        #expect(try await end(of: channel).1.code == .invalidArgument)
    }

    @Test func aRequestThatDoesNotDecodeIsInvalid() async throws {
        let channel = try await makeChannel()
        try await channel.writeInbound(request(1, Self.check.fullName, payload: [0xFF, 0xFF]))
        #expect(try await end(of: channel).1.code == .invalidArgument)
    }

    @Test func handlerFailuresAreInternalAndLeakNothing() async throws {
        let channel = try await makeChannel()
        try await channel.writeInbound(request(1, Self.failing.fullName))
        let status = try await end(of: channel).1
        #expect(status.code == .internal)
        #expect(!status.message.contains("hunter2"))
    }

    @Test func deadlinesAreEnforcedByTheServer() async throws {
        let probe = CancellationProbe()
        let channel = try await makeChannel(probe: probe)
        try await channel.writeInbound(request(1, Self.slow.fullName, deadline: RPCDeadline(after: .milliseconds(100))))
        await channel.testingEventLoop.advanceTime(by: .milliseconds(200))  // the deadline is an event-loop timer
        #expect(try await end(of: channel).1.code == .deadlineExceeded)
        for _ in 0..<500 where !probe.sawCancellation.load(ordering: .relaxed) {
            try await Task.sleep(for: .milliseconds(10))
        }
        let cancelled = probe.sawCancellation.load(ordering: .relaxed)
        #expect(cancelled, "the handler's task was cancelled")
        try await channel.writeInbound(request(2, Self.check.fullName, deadline: RPCDeadline(unixMilliseconds: 1)))
        #expect(try await end(of: channel).1.code == .deadlineExceeded)
    }

    @Test func aCancelFrameCancelsTheHandlerAndNothingIsSent() async throws {
        let probe = CancellationProbe()
        let channel = try await makeChannel(probe: probe)
        try await channel.writeInbound(request(1, Self.slow.fullName))
        var cancel = Frame()
        cancel.streamID = 1
        cancel.kind = .cancel
        try await channel.writeInbound(cancel)
        for _ in 0..<500 where !probe.sawCancellation.load(ordering: .relaxed) {
            try await Task.sleep(for: .milliseconds(10))
        }
        let cancelled = probe.sawCancellation.load(ordering: .relaxed)
        #expect(cancelled)
        // The next call is answered, and it is the first frame written: the cancelled call sent nothing.
        try await channel.writeInbound(request(3, Self.check.fullName))
        #expect(try await channel.waitForOutboundWrite(as: Frame.self).streamID == 3)
    }

    @Test func callsPastTheConcurrencyBoundAreResourceExhausted() async throws {
        let channel = try await makeChannel(maximumConcurrentCalls: 1)
        try await channel.writeInbound(request(1, Self.slow.fullName))
        try await channel.writeInbound(request(2, Self.check.fullName))
        let (end, status) = try await end(of: channel)
        #expect(end.streamID == 2)
        #expect(status.code == .resourceExhausted)
        try await channel.close()
    }

    @Test func aProtocolViolationClosesTheConnection() async throws {
        let channel = try await makeChannel()
        var stray = Frame()
        stray.streamID = 9
        stray.kind = .end
        try await channel.writeInbound(stray)
        #expect(!channel.isActive, "the handler closes the connection as it reads the frame")
    }
}
