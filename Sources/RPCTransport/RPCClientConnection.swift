public import Logging
public import NIOCore
public import NIOPosix
import RPCCore

/// One connection to an RPC server, carrying many calls at once.
public final class RPCClientConnection: RPCCaller {
    private let channel: any Channel
    private let clusterToken: String?

    private init(channel: any Channel, clusterToken: String?) {
        self.channel = channel
        self.clusterToken = clusterToken
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
                        ByteToMessageHandler(LengthPrefixedFrameDecoder(maximumFrameSize: maximumFrameSize)),
                        MessageToByteHandler(LengthPrefixedFrameEncoder()),
                        FrameMessageCodec(),
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
    public func call(_ request: RPCRequest) async throws -> [UInt8] {
        let promise = channel.eventLoop.makePromise(of: [UInt8].self)
        let call = RPCClientCall(request: authenticated(request), responder: .unary(promise))
        let channel = self.channel
        return try await withTaskCancellationHandler {
            guard !Task.isCancelled else { throw RPCError(code: .cancelled, message: "the call was cancelled") }
            channel.writeAndFlush(call).whenFailure { error in
                promise.fail(RPCError(code: .unavailable, message: "the call could not be sent: \(error)"))
            }
            return try await promise.futureResult.get()
        } onCancel: {
            channel.triggerUserOutboundEvent(RPCCancelCall(call.handle), promise: nil)
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
        channel.writeAndFlush(call).whenFailure { error in
            continuation.finish(throwing: RPCError(code: .unavailable, message: "the call could not be sent: \(error)"))
        }
        return responses
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
