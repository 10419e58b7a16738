import NIOCore
import NIOPosix

/// Sends every frame body straight back, flushing once per read as NIO's echo example does.
final class FloorEchoHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let body = Self.unwrapInboundIn(data)
        context.write(Self.wrapOutboundOut(FloorFrame.encode(body, allocator: context.channel.allocator)), promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
    }
}

/// The floor's server: channel handlers only, no async/await, no protobuf, no RPC layer.
enum FloorEchoServer {
    /// Listens on `address`; the returned channel's `localAddress` has the real port.
    static func bind(_ address: SocketAddress, group: any EventLoopGroup) async throws -> any Channel {
        try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(FloorFrameDecoder()), FloorEchoHandler(),
                    ])
                }
            }
            .bind(to: address)
            .get()
    }
}
