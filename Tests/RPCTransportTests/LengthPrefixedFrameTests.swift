import NIOCore
import NIOEmbedded
import NIOTestUtils
import PlutusTestSupport
import PlutusWire
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

}

/// `FrameDecoder` and `FrameEncoder`: frames to bytes on the wire and back.
@Suite("Frame codec")
struct FrameCodecTests {
    private func makeChannel() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandlers([
            ByteToMessageHandler(FrameDecoder()), MessageToByteHandler(FrameEncoder()),
        ])
        return channel
    }

    @Test func framesSurviveTheWholePipelineBothWays() throws {
        let channel = try makeChannel()
        var frame = Frame()
        frame.streamID = 7
        frame.kind = .request
        frame.method = "plutus.v1.Health/Check"
        frame.deadlineUnixMs = 1_764_082_772_000
        frame.metadata = ["traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"]
        frame.payload = Array("payload ✓".utf8)

        try channel.writeOutbound(frame)
        let wire = try #require(try channel.readOutbound(as: ByteBuffer.self))
        #expect(wire.getInteger(at: wire.readerIndex, endianness: .big, as: UInt32.self) == UInt32(wire.readableBytes - 4))
        #expect(Array(wire.readableBytesView.dropFirst(4)) == (try frame.serializedBytes()))

        try channel.writeInbound(wire)
        #expect(try channel.readInbound(as: Frame.self) == frame)
        _ = try channel.finish()
    }

    @Test func anUndecodableBodyIsAFrameError() throws {
        let channel = try makeChannel()
        var garbage = ByteBuffer()
        garbage.writeInteger(UInt32(3), endianness: .big)
        garbage.writeBytes([0xFF, 0xFF, 0xFF])
        let error = #expect(throws: FrameError.self) { try channel.writeInbound(garbage) }
        #expect(error?.code == .undecodable)
    }

    @Test func theLengthIsCheckedBeforeTheBodyArrives() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(FrameDecoder(maximumFrameSize: 16)))
        var announcement = ByteBuffer()
        announcement.writeInteger(UInt32(17), endianness: .big)
        let error = #expect(throws: FrameError.self) { try channel.writeInbound(announcement) }
        #expect(error?.code == .tooLarge)
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
