public import Logging
public import NIOCore
public import NIOPosix
import RPCCore

/// One connection to an RPC server, carrying many calls at once.
public final class RPCClientConnection: RPCCaller {
    private let channel: any Channel
    private let clusterToken: String?

    /// Runs tasks on this connection's event loop: callers making many calls can prefer it and
    /// skip the hand-off to the loop and back on every call (see ``EventLoopTaskExecutor``).
    public let taskExecutor: EventLoopTaskExecutor

    /// Whether a flush is already queued on the event loop (see ``flushSoon()``).
    private let isFlushQueued: NIOLoopBoundBox<Bool>

    private init(channel: any Channel, clusterToken: String?) {
        self.channel = channel
        self.clusterToken = clusterToken
        self.taskExecutor = EventLoopTaskExecutor(channel.eventLoop)
        self.isFlushQueued = .makeBoxSendingValue(false, as: Bool.self, eventLoop: channel.eventLoop)
    }

    /// Connects to `address`; `clusterToken` is sent with every call.
    public static func connect(
        to address: RPCAddress, clusterToken: String? = nil,
        maximumFrameSize: Int = LengthPrefixedFrameDecoder.defaultMaximumFrameSize,
        connectTimeout: Duration = .seconds(5),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, logger: Logger
    ) async throws -> RPCClientConnection {
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(connectTimeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(FrameDecoder(maximumFrameSize: maximumFrameSize)),
                        MessageToByteHandler(FrameEncoder()),
                        RPCClientConnectionHandler(logger: logger),
                    ])
                }
            }
        let channel =
            switch address {
            case .unix(let path): try await bootstrap.connect(unixDomainSocketPath: path).get()
            case .tcp(let host, let port): try await bootstrap.connect(host: host, port: port).get()
            }
        return RPCClientConnection(channel: channel, clusterToken: clusterToken)
    }

    /// Whether the connection is still open.
    public var isActive: Bool { channel.isActive }

    /// Completes when the connection has closed, for whatever reason.
    public var closeFuture: EventLoopFuture<Void> { channel.closeFuture }

    /// Makes a unary call. The deadline travels to the server, which stops the handler when it
    /// passes, and is enforced here too; cancelling the calling task sends CANCEL.
    ///
    /// The call costs one hop onto the connection's event loop and one back: the write, its
    /// failure handling and the answer's delivery are all arranged in that one hop.
    public func call(_ request: RPCRequest) async throws -> [UInt8] {
        let handle = RPCCallHandle()
        let request = authenticated(request)
        let channel = self.channel
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[UInt8], any Error>) in
                let call = RPCClientCall(
                    request: request, responder: .unary { continuation.resume(with: $0.mapError { $0 }) }, handle: handle)
                guard !Task.isCancelled else {
                    return call.fail(RPCError(code: .cancelled, message: "the call was cancelled"))
                }
                send(call)
            }
        } onCancel: {
            channel.triggerUserOutboundEvent(RPCCancelCall(handle), promise: nil)
        }
    }

    /// Makes a server-streaming call; ending the iteration early sends CANCEL.
    public func stream(_ request: RPCRequest) -> AsyncThrowingStream<[UInt8], any Error> {
        let (responses, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        let call = RPCClientCall(request: authenticated(request), responder: .stream(continuation))
        let channel = self.channel
        continuation.onTermination = { termination in
            if case .cancelled = termination {
                channel.triggerUserOutboundEvent(RPCCancelCall(call.handle), promise: nil)
            }
        }
        send(call)
        return responses
    }

    /// Writes the call on the event loop; a write that fails before the connection handler saw
    /// it (the channel already closed) fails the call `UNAVAILABLE`.
    private func send(_ call: RPCClientCall) {
        let eventLoop = channel.eventLoop
        let write: @Sendable () -> Void = { [self] in
            let written = eventLoop.makePromise(of: Void.self)
            written.futureResult.whenFailure { error in
                call.fail(RPCError(code: .unavailable, message: "the call could not be sent: \(error)"))
            }
            channel.write(call, promise: written)
            flushSoon()
        }
        if eventLoop.inEventLoop { write() } else { eventLoop.execute(write) }
    }

    /// Flushes once the event loop has run the jobs queued now. Callers woken by one read burst
    /// each write a call in the same tick, and those calls leave in one socket write rather than
    /// one each; a lone call waits only for the jobs already queued.
    private func flushSoon() {
        guard !isFlushQueued.value else { return }
        isFlushQueued.value = true
        channel.eventLoop.execute { [self] in
            isFlushQueued.value = false
            channel.flush()
        }
    }

    /// Closes the connection; calls still open fail with `UNAVAILABLE`.
    public func close() async throws {
        try await channel.close()
    }

    private func authenticated(_ request: RPCRequest) -> RPCRequest {
        guard let clusterToken else { return request }
        var request = request
        request.metadata[RPCMetadata.clusterTokenKey] = clusterToken
        return request
    }
}
