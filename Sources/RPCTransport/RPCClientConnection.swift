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

    private init(channel: any Channel, clusterToken: String?) {
        self.channel = channel
        self.clusterToken = clusterToken
        self.taskExecutor = EventLoopTaskExecutor(channel.eventLoop)
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
                Self.send(call, on: channel)
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
        Self.send(call, on: channel)
        return responses
    }

    /// Writes the call on the event loop; a write that fails before the connection handler saw
    /// it (the channel already closed) fails the call `UNAVAILABLE`.
    private static func send(_ call: RPCClientCall, on channel: any Channel) {
        let eventLoop = channel.eventLoop
        let write: @Sendable () -> Void = {
            let written = eventLoop.makePromise(of: Void.self)
            written.futureResult.whenFailure { error in
                call.fail(RPCError(code: .unavailable, message: "the call could not be sent: \(error)"))
            }
            channel.writeAndFlush(call, promise: written)
        }
        if eventLoop.inEventLoop { write() } else { eventLoop.execute(write) }
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
