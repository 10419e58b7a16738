import NIOCore
import NIOPosix
import PlutusWire
import RPCCore
import RPCTransport

/// The RPC server's per-call work done on the event loop, without its task: the frame checked as
/// ``RPCServerConnectionHandler`` checks it, the `Fact` decoded and encoded again, and answered
/// as the server answers, with one END frame carrying the response, flushed once per read burst.
/// Against ``RPCServer`` it prices the task per call.
final class InlineEchoHandler: ChannelInboundHandler {
    typealias InboundIn = Frame
    typealias OutboundOut = Frame

    struct Refused: Error {}

    private let clusterToken: String?

    init(clusterToken: String?) {
        self.clusterToken = clusterToken
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = Self.unwrapInboundIn(data)
        do {
            let response = try answer(frame)
            context.write(
                Self.wrapOutboundOut(Frame(streamID: frame.streamID, kind: .end, payload: response)), promise: nil)
        } catch {
            context.close(promise: nil)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
        context.fireChannelReadComplete()
    }

    private func answer(_ frame: Frame) throws -> [UInt8] {
        let metadata = RPCMetadata(frame.metadata)
        if let clusterToken, !ConstantTime.equals(metadata[RPCMetadata.clusterTokenKey] ?? "", clusterToken) {
            throw Refused()
        }
        guard frame.kind == .request, let method = RPCMethod(fullName: frame.method), method == RPCEcho.method else {
            throw Refused()
        }
        return try Fact(serializedBytes: frame.payload).serializedBytes()
    }
}

/// Listens with the RPC's own frame codecs in front of an ``InlineEchoHandler``.
enum InlineEchoServer {
    /// Returns the listening channel and the address to dial (with the real port).
    static func bind(
        _ address: RPCAddress, clusterToken: String?, group: any EventLoopGroup
    ) async throws -> (any Channel, RPCAddress) {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(FrameDecoder()),
                        MessageToByteHandler(FrameEncoder()),
                        InlineEchoHandler(clusterToken: clusterToken),
                    ])
                }
            }
        switch address {
        case .unix(let path):
            return (
                try await bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true).get(), address
            )
        case .tcp(let host, let port):
            let channel = try await bootstrap.bind(host: host, port: port).get()
            return (channel, .tcp(host: host, port: channel.localAddress?.port ?? port))
        }
    }
}
