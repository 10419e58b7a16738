import NIOCore

/// The floor's framing, written the plain NIO way: a 4-byte big-endian length, then the body.
///
/// No maximum size, no protobuf, no stream ids: the least any length-prefixed protocol must do.
enum FloorFrame {
    /// A new buffer holding `body` behind its length, as a `MessageToByteEncoder` would write it.
    static func encode(_ body: ByteBuffer, allocator: ByteBufferAllocator) -> ByteBuffer {
        var frame = allocator.buffer(capacity: 4 + body.readableBytes)
        frame.writeInteger(UInt32(body.readableBytes), endianness: .big)
        frame.writeImmutableBuffer(body)
        return frame
    }
}

/// Splits the byte stream into frame bodies.
struct FloorFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let length = buffer.getInteger(at: buffer.readerIndex, endianness: .big, as: UInt32.self),
            buffer.readableBytes >= 4 + Int(length)
        else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 4)
        guard let body = buffer.readSlice(length: Int(length)) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(body))
        return .continue
    }

    mutating func decodeLast(
        context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool
    ) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}
