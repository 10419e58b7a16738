public import NIOCore
public import PlutusWire

/// Reads `Frame`s off a byte stream: the 4-byte length (checked before anything is buffered, by
/// ``LengthPrefixedFrameDecoder``), then the packed `Frame`.
///
/// A body that is not a valid `Frame` throws ``FrameError`` (`.undecodable`), which closes the
/// connection: a peer that sends garbage once cannot be trusted to be in step any more.
public struct FrameDecoder: NIOSingleStepByteToMessageDecoder {
    public typealias InboundOut = Frame

    private var lengthPrefixed: LengthPrefixedFrameDecoder

    public init(maximumFrameSize: Int = LengthPrefixedFrameDecoder.defaultMaximumFrameSize) {
        lengthPrefixed = LengthPrefixedFrameDecoder(maximumFrameSize: maximumFrameSize)
    }

    public mutating func decode(buffer: inout ByteBuffer) throws -> Frame? {
        try lengthPrefixed.decode(buffer: &buffer).map(Self.frame)
    }

    public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> Frame? {
        try lengthPrefixed.decodeLast(buffer: &buffer, seenEOF: seenEOF).map(Self.frame)
    }

    private static func frame(_ body: ByteBuffer) throws -> Frame {
        do {
            return try Frame(serializedBytes: body.readableBytesView)
        } catch {
            throw FrameError(code: .undecodable, message: "a \(body.readableBytes)-byte frame is not a Frame: \(error)")
        }
    }
}

/// Writes each `Frame` packed, behind its 4-byte big-endian length.
public struct FrameEncoder: MessageToByteEncoder {
    public typealias OutboundIn = Frame

    public init() {}

    public func encode(data frame: Frame, out: inout ByteBuffer) throws {
        let body = try frame.serializedBytes()
        out.reserveCapacity(minimumWritableBytes: 4 + body.count)
        out.writeInteger(UInt32(body.count), endianness: .big)
        out.writeBytes(body)
    }
}
