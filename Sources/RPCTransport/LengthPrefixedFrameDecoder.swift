public import NIOCore

/// Splits a byte stream into frames: a 4-byte big-endian length, then that many bytes.
///
/// The length is checked against ``maximumFrameSize`` as soon as its four bytes arrive, before
/// the body is buffered, so a hostile peer cannot make the server allocate what it announces.
/// A zero length, an oversized length, or a stream that ends mid-frame throws ``FrameError``,
/// and the channel pipeline closes that connection.
public struct LengthPrefixedFrameDecoder: NIOSingleStepByteToMessageDecoder {
    public typealias InboundOut = ByteBuffer

    /// The default largest frame body: 4 MiB.
    public static let defaultMaximumFrameSize = 4 << 20

    public let maximumFrameSize: Int

    public init(maximumFrameSize: Int = Self.defaultMaximumFrameSize) {
        self.maximumFrameSize = maximumFrameSize
    }

    public mutating func decode(buffer: inout ByteBuffer) throws -> ByteBuffer? {
        guard let length = buffer.getInteger(at: buffer.readerIndex, endianness: .big, as: UInt32.self) else {
            return nil
        }
        guard length > 0 else {
            throw FrameError(code: .empty, message: "a frame's length prefix was 0")
        }
        guard length <= maximumFrameSize else {
            throw FrameError(code: .tooLarge, message: "a frame of \(length) bytes exceeds the maximum of \(maximumFrameSize)")
        }
        guard buffer.readableBytes >= 4 + Int(length) else { return nil }
        buffer.moveReaderIndex(forwardBy: 4)
        return buffer.readSlice(length: Int(length))
    }

    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> ByteBuffer? {
        if let frame = try decode(buffer: &buffer) { return frame }
        guard buffer.readableBytes == 0 else {
            throw FrameError(code: .truncated, message: "the stream ended \(buffer.readableBytes) bytes into a frame")
        }
        return nil
    }
}
