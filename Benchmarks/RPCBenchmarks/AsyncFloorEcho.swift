import BenchmarkSupport
import NIOCore
import NIOPosix

/// One call of ``AsyncFloorEcho``: the body to send, and the promise its echo completes.
struct AsyncFloorCall: Sendable {
    let body: ByteBuffer
    let promise: EventLoopPromise<Void>
}

/// Writes each call's frame and completes its promise when the echo comes back; echoes keep
/// their order, so a queue of promises is all the bookkeeping there is.
final class AsyncFloorClientHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = AsyncFloorCall
    typealias OutboundOut = ByteBuffer

    private var waiting = CircularBuffer<EventLoopPromise<Void>>()

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let call = Self.unwrapOutboundIn(data)
        waiting.append(call.promise)
        context.write(
            Self.wrapOutboundOut(FloorFrame.encode(call.body, allocator: context.channel.allocator)), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        waiting.popFirst()?.succeed()
    }

    func channelInactive(context: ChannelHandlerContext) {
        while let promise = waiting.popFirst() { promise.fail(ChannelError.ioOnClosedChannel) }
        context.fireChannelInactive()
    }
}

/// The floor's server with a client shaped like ``RPCClientConnection/unary``: each call is
/// `writeAndFlush` from the caller's task and an `await` on a promise, and nothing else. The gap
/// to the floor is the price of crossing between tasks and the event loop.
struct AsyncFloorEcho: EchoBenchmark {
    private let server: any Channel
    private let clients: [any Channel]
    private let body: ByteBuffer

    static func start(
        on address: SocketAddress, connections: Int, payload: [UInt8],
        serverGroup: any EventLoopGroup, clientGroup: any EventLoopGroup
    ) async throws -> AsyncFloorEcho {
        let server = try await FloorEchoServer.bind(address, group: serverGroup)
        guard let boundAddress = server.localAddress else { throw ChannelError.unknownLocalAddress }
        let bootstrap = ClientBootstrap(group: clientGroup).channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandlers([
                    ByteToMessageHandler(FloorFrameDecoder()), AsyncFloorClientHandler(),
                ])
            }
        }
        var clients: [any Channel] = []
        for _ in 0..<connections { clients.append(try await bootstrap.connect(to: boundAddress).get()) }
        return AsyncFloorEcho(server: server, clients: clients, body: ByteBuffer(bytes: payload))
    }

    func sequential(calls: Int) async throws -> LatencySamples {
        var latencies = LatencySamples(reservingCapacity: calls)
        for _ in 0..<calls {
            let start = ContinuousClock.now
            try await call(clients[0])
            latencies.record(ContinuousClock.now - start)
        }
        return latencies
    }

    func throughput(inFlight: Int, connections: Int, for duration: Duration) async throws -> Throughput {
        try await concurrentCalls(inFlight: inFlight, for: duration) { caller in
            try await call(clients[caller % connections])
        }
    }

    func close() async {
        for client in clients { try? await client.close() }
        try? await server.close()
    }

    private func call(_ client: any Channel) async throws {
        let promise = client.eventLoop.makePromise(of: Void.self)
        client.writeAndFlush(AsyncFloorCall(body: body, promise: promise), promise: nil)
        try await promise.futureResult.get()
    }
}
