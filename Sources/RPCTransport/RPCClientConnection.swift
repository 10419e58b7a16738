public import Logging
public import NIOCore
public import NIOPosix
public import PlutusWire
public import RPCCore

/// One connection to an RPC server, carrying many calls at once.
public final class RPCClientConnection: Sendable {
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
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, logger: Logger
    ) async throws -> RPCClientConnection {
        let bootstrap = ClientBootstrap(group: group).channelInitializer { channel in
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

    /// Makes a unary call.
    ///
    /// Cancelling the calling task sends CANCEL and throws ``RPCError`` `CANCELLED`; the deadline
    /// travels to the server, which stops the handler when it passes, and is enforced here too.
    /// - Throws: ``RPCError`` with the call's status, or ``WireError`` for an undecodable answer.
    public func unary<Request: WireMessage, Response: WireMessage>(
        _ method: RPCMethod, _ request: Request, as: Response.Type = Response.self,
        deadline: RPCDeadline? = nil, metadata: RPCMetadata = [:]
    ) async throws -> Response {
        let payload = try request.serializedBytes()
        var metadata = metadata
        if let clusterToken { metadata[RPCMetadata.clusterTokenKey] = clusterToken }
        let promise = channel.eventLoop.makePromise(of: [UInt8].self)
        let handle = RPCCallHandle()
        let call = RPCClientCall(
            method: method, payload: payload, deadline: deadline, metadata: metadata, promise: promise, handle: handle)
        let channel = self.channel
        let bytes = try await withTaskCancellationHandler {
            guard !Task.isCancelled else { throw RPCError(code: .cancelled, message: "the call was cancelled") }
            channel.writeAndFlush(call).whenFailure { error in
                promise.fail(RPCError(code: .unavailable, message: "the call could not be sent: \(error)"))
            }
            return try await promise.futureResult.get()
        } onCancel: {
            channel.triggerUserOutboundEvent(RPCCancelCall(handle), promise: nil)
        }
        return try Response(serializedBytes: bytes)
    }

    /// Closes the connection; calls still open fail with `UNAVAILABLE`.
    public func close() async throws {
        try await channel.close()
    }
}
