public import NIOCore
public import PlutusWire

/// Turns frame bodies into `Frame` messages and back, between the length-prefix codec and the
/// connection handlers.
///
/// A body that is not a valid `Frame` throws ``FrameError`` (`.undecodable`), which closes the
/// connection: a peer that sends garbage once cannot be trusted to be in step any more.
public final class FrameMessageCodec: ChannelDuplexHandler {
    public typealias InboundIn = ByteBuffer
    public typealias InboundOut = Frame
    public typealias OutboundIn = Frame
    public typealias OutboundOut = ByteBuffer

    public init() {}

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let body = unwrapInboundIn(data)
        do {
            let frame = try Frame(serializedBytes: body.readableBytesView)
            context.fireChannelRead(wrapInboundOut(frame))
        } catch {
            context.fireErrorCaught(
                FrameError(code: .undecodable, message: "a \(body.readableBytes)-byte frame is not a Frame: \(error)"))
        }
    }

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let frame = unwrapOutboundIn(data)
        do {
            let bytes = try frame.serializedBytes()
            context.write(wrapOutboundOut(context.channel.allocator.buffer(bytes: bytes)), promise: promise)
        } catch {
            promise?.fail(error)
        }
    }
}

@available(*, unavailable)
extension FrameMessageCodec: Sendable {}
