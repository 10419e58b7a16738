import NIOCore
import NIOEmbedded
import PlutusWire
import RPCTransport
import Testing

@Suite("Frame message codec")
struct FrameMessageCodecTests {
    private func makeChannel() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandlers([
            ByteToMessageHandler(LengthPrefixedFrameDecoder()),
            MessageToByteHandler(LengthPrefixedFrameEncoder()),
            FrameMessageCodec(),
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
}
