import NIOCore
import NIOEmbedded
import NIOTestUtils
import PlutusTestSupport
import RPCTransport
import Testing

@Suite("Length-prefixed frames")
struct LengthPrefixedFrameTests {
    private func framed(_ body: [UInt8]) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInteger(UInt32(body.count), endianness: .big)
        buffer.writeBytes(body)
        return buffer
    }

    @Test func decodesFramesHoweverTheBytesAreSplit() throws {
        let bodies: [[UInt8]] = [[1], Array(repeating: 7, count: 300), [0, 0, 0, 0], Array(0...255)]
        var stream = ByteBuffer()
        for body in bodies { stream.writeImmutableBuffer(framed(body)) }
        let expected = bodies.map { ByteBuffer(bytes: $0) }
        try ByteToMessageDecoderVerifier.verifyDecoder(
            inputOutputPairs: [(stream, expected)],
            decoderFactory: { LengthPrefixedFrameDecoder() }
        )
    }

    @Test func refusesAnOversizedFrameFromItsPrefixAlone() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(LengthPrefixedFrameDecoder(maximumFrameSize: 1024)))
        var prefix = ByteBuffer()
        prefix.writeInteger(UInt32(1_000_000_000), endianness: .big)
        let error = #expect(throws: FrameError.self) { try channel.writeInbound(prefix) }
        #expect(error?.code == .tooLarge)
    }

    @Test func refusesAnEmptyFrame() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(LengthPrefixedFrameDecoder()))
        let error = #expect(throws: FrameError.self) { try channel.writeInbound(framed([])) }
        #expect(error?.code == .empty)
    }

    @Test func aStreamEndingMidFrameIsTruncated() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(LengthPrefixedFrameDecoder()))
        var partial = framed([1, 2, 3, 4, 5])
        partial.moveWriterIndex(to: partial.writerIndex - 2)
        try channel.writeInbound(partial)
        let error = #expect(throws: FrameError.self) { _ = try channel.finish() }
        #expect(error?.code == .truncated)
    }

    @Test func theEncoderWritesTheLengthPrefix() throws {
        let channel = EmbeddedChannel(handler: MessageToByteHandler(LengthPrefixedFrameEncoder()))
        try channel.writeOutbound(ByteBuffer(bytes: [9, 8, 7]))
        let written = try #require(try channel.readOutbound(as: ByteBuffer.self))
        #expect(Array(written.readableBytesView) == [0, 0, 0, 3, 9, 8, 7])
        _ = try channel.finish()
    }
}

@Suite("Length-prefixed frames under hostile input")
struct LengthPrefixedFrameFuzzTests {
    @Test func randomAndMutatedStreamsEitherDecodeOrFailCleanly() throws {
        var random = SplitMix64(seed: 0x5EED)
        let maximum = 4096
        for _ in 0..<10_000 {
            var stream = ByteBuffer()
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let body = (0..<Int.random(in: 1...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                stream.writeInteger(UInt32(body.count), endianness: .big)
                stream.writeBytes(body)
            }
            var bytes = Array(stream.readableBytesView)
            for _ in 0..<Int.random(in: 0...3, using: &random) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            if Bool.random(using: &random) { bytes.removeLast(Int.random(in: 0...min(3, bytes.count), using: &random)) }

            let channel = EmbeddedChannel(handler: ByteToMessageHandler(LengthPrefixedFrameDecoder(maximumFrameSize: maximum)))
            do {
                try channel.writeInbound(ByteBuffer(bytes: bytes))
                _ = try channel.finish()
            } catch is FrameError {
                // Closing the connection is the right answer to a bad stream.
            }
            while let frame = try channel.readInbound(as: ByteBuffer.self) {
                #expect(frame.readableBytes > 0 && frame.readableBytes <= maximum)
            }
        }
    }
}
