import Logging
import NIOCore
import NIOEmbedded
import PlutusWire
import RPCCore
import RPCTransport
import Testing

/// The client side of a connection, driven frame by frame without a socket.
@Suite("RPC client connection handler")
struct RPCClientConnectionHandlerTests {
    static let check = RPCMethod(service: "plutus.v1.Health", method: "Check")

    private func makeChannel() async throws -> NIOAsyncTestingChannel {
        try await NIOAsyncTestingChannel { channel in
            try channel.pipeline.syncOperations.addHandler(
                RPCClientConnectionHandler(logger: Logger(label: "plutus.tests.rpc-client")))
        }
    }

    private func call(
        on channel: NIOAsyncTestingChannel, deadline: RPCDeadline? = nil, handle: RPCCallHandle = RPCCallHandle()
    ) async throws -> (EventLoopFuture<[UInt8]>, Frame) {
        let promise = channel.eventLoop.makePromise(of: [UInt8].self)
        let call = RPCClientCall(
            request: RPCRequest(
                method: Self.check, payload: [1, 2], deadline: deadline, metadata: ["idempotency-key": "k1"]),
            responder: .unary { promise.completeWith($0.mapError { $0 }) }, handle: handle)
        try await channel.writeOutbound(call)
        return (promise.futureResult, try await channel.waitForOutboundWrite(as: Frame.self))
    }

    private func frame(_ kind: FrameKind, _ streamID: UInt64, payload: [UInt8] = [], status: RPCStatus? = nil) -> Frame {
        var frame = Frame()
        frame.kind = kind
        frame.streamID = streamID
        frame.payload = payload
        frame.status = status.map { Status(code: $0.code.rawValue, message: $0.message) }
        return frame
    }

    @Test func aCallGoesOutAsARequestAndItsAnswerComesBack() async throws {
        let channel = try await makeChannel()
        let (answer, request) = try await call(on: channel, deadline: RPCDeadline(after: .seconds(30)))
        #expect(request.kind == .request)
        #expect(request.method == "plutus.v1.Health/Check")
        #expect(request.payload == [1, 2])
        #expect(request.metadata == ["idempotency-key": "k1"])
        #expect(request.deadlineUnixMs > 0)
        try await channel.writeInbound(frame(.message, request.streamID, payload: [9]))
        try await channel.writeInbound(frame(.end, request.streamID, status: .ok))
        #expect(try await answer.get() == [9])
    }

    @Test func aUnaryAnswerMayRideInTheEndFrame() async throws {
        let channel = try await makeChannel()
        let (answer, request) = try await call(on: channel)
        try await channel.writeInbound(frame(.end, request.streamID, payload: [4, 2], status: .ok))
        #expect(try await answer.get() == [4, 2])
    }

    @Test func aNonOKEndFailsTheCallWithItsStatus() async throws {
        let channel = try await makeChannel()
        let (answer, request) = try await call(on: channel)
        try await channel.writeInbound(frame(.end, request.streamID, status: RPCStatus(code: .notFound, message: "no user")))
        let error = await #expect(throws: RPCError.self) { try await answer.get() }
        #expect(error == RPCError(code: .notFound, message: "no user"))
    }

    @Test func aPassedDeadlineCancelsOnTheServerAndFailsTheCall() async throws {
        let channel = try await makeChannel()
        let (answer, request) = try await call(on: channel, deadline: RPCDeadline(after: .milliseconds(50)))
        // The testing event loop runs on virtual time: move it past the deadline.
        await channel.testingEventLoop.advanceTime(by: .milliseconds(100))
        let error = await #expect(throws: RPCError.self) { try await answer.get() }
        #expect(error?.code == .deadlineExceeded)
        let cancel = try await channel.waitForOutboundWrite(as: Frame.self)
        #expect(cancel.kind == .cancel && cancel.streamID == request.streamID)
        // The server's late answer is dropped.
        try await channel.writeInbound(frame(.end, request.streamID, status: .ok))
    }

    @Test func cancellingSendsCancelAndFailsTheCall() async throws {
        let channel = try await makeChannel()
        let handle = RPCCallHandle()
        let (answer, request) = try await call(on: channel, handle: handle)
        try await channel.pipeline.triggerUserOutboundEvent(RPCCancelCall(handle))
        let error = await #expect(throws: RPCError.self) { try await answer.get() }
        #expect(error?.code == .cancelled)
        let cancel = try await channel.waitForOutboundWrite(as: Frame.self)
        #expect(cancel.kind == .cancel && cancel.streamID == request.streamID)
    }

    @Test func aClosedConnectionFailsOpenCallsAsUnavailable() async throws {
        let channel = try await makeChannel()
        let (first, _) = try await call(on: channel)
        let (second, _) = try await call(on: channel)
        try await channel.close()
        for answer in [first, second] {
            let error = await #expect(throws: RPCError.self) { try await answer.get() }
            #expect(error?.code == .unavailable)
        }
    }

    @Test func aFrameForAStreamNeverOpenedClosesTheConnection() async throws {
        let channel = try await makeChannel()
        try await channel.writeInbound(frame(.message, 77))
        #expect(!channel.isActive, "the handler closes the connection as it reads the frame")
    }
}
