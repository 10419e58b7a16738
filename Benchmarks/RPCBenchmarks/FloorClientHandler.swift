import BenchmarkSupport
import NIOCore

/// One measurement on one floor connection, handed to ``FloorClientHandler`` as an outbound event.
struct FloorRun: Sendable {
    enum Plan: Sendable {
        /// One round trip at a time, each one's latency recorded.
        case sequential(calls: Int)
        /// `inFlight` round trips outstanding until `until`, then the stragglers drained.
        case throughput(inFlight: Int, until: ContinuousClock.Instant)
    }

    let plan: Plan
    let promise: EventLoopPromise<FloorRunResult>
}

/// What one connection measured.
struct FloorRunResult: Sendable {
    let calls: Int
    let latencies: LatencySamples
}

/// Drives a ``FloorRun`` from the event loop: each reply that arrives sends the next frame, so the
/// connection never waits on anything but the socket.
final class FloorClientHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    struct UnexpectedReply: Error {}

    private let payload: ByteBuffer
    private var run: FloorRun?
    private var sent = 0
    private var completed = 0
    private var sentAt = ContinuousClock.now
    private var latencies = LatencySamples()
    private var needsFlush = false

    init(payload: ByteBuffer) {
        self.payload = payload
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard let run = event as? FloorRun else { return context.triggerUserOutboundEvent(event, promise: promise) }
        self.run = run
        (sent, completed) = (0, 0)
        latencies = LatencySamples(reservingCapacity: run.sequentialCalls)
        for _ in 0..<run.initialInFlight { send(context) }
        context.flush()
        if sent == 0 { finish(.success(FloorRunResult(calls: 0, latencies: latencies))) }
        promise?.succeed()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let run else { return }
        guard Self.unwrapInboundIn(data).readableBytes == payload.readableBytes else {
            return finish(.failure(UnexpectedReply()))
        }
        completed += 1
        switch run.plan {
        case .sequential(let calls):
            latencies.record(ContinuousClock.now - sentAt)
            if sent < calls { send(context) }
        case .throughput(_, let until):
            if ContinuousClock.now < until { send(context) }
        }
        if completed == sent { finish(.success(FloorRunResult(calls: completed, latencies: latencies))) }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if needsFlush { context.flush() }
        needsFlush = false
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(.failure(ChannelError.ioOnClosedChannel))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        finish(.failure(error))
        context.close(promise: nil)
    }

    private func send(_ context: ChannelHandlerContext) {
        sent += 1
        sentAt = ContinuousClock.now
        context.write(
            Self.wrapOutboundOut(FloorFrame.encode(payload, allocator: context.channel.allocator)), promise: nil)
        needsFlush = true
    }

    private func finish(_ result: Result<FloorRunResult, any Error>) {
        guard let run else { return }
        self.run = nil
        run.promise.completeWith(result)
    }
}

extension FloorRun {
    fileprivate var initialInFlight: Int {
        switch plan {
        case .sequential(let calls): min(1, calls)
        case .throughput(let inFlight, _): inFlight
        }
    }

    fileprivate var sequentialCalls: Int {
        if case .sequential(let calls) = plan { calls } else { 0 }
    }
}
