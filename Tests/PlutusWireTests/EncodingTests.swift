import PlutusWire
import Testing

/// Byte-level checks, computed by hand from the protobuf encoding rules, so we know the wire
/// is standard protobuf and not merely self-consistent.
@Suite("Standard protobuf bytes")
struct EncodingTests {
    @Test("HealthCheckRequest{service: \"x\"} is 0a 01 78")
    func healthCheckRequest() throws {
        #expect(try HealthCheckRequest(service: "x").serializedBytes() == [0x0a, 0x01, 0x78])
        #expect(try HealthCheckRequest(serializedBytes: [0x0a, 0x01, 0x78]) == HealthCheckRequest(service: "x"))
    }

    @Test("a frame: varints, an enum, a negative int64, a nested message, bytes")
    func frame() throws {
        let frame = Frame(
            streamID: 300, kind: .end, deadlineUnixMs: -1, status: Status(code: 5, message: "no"),
            payload: [0xde, 0xad])
        let expected: [UInt8] =
            [0x08, 0xac, 0x02]  // stream_id = 300
            + [0x10, 0x03]  // kind = END
            + [0x20] + [UInt8](repeating: 0xff, count: 9) + [0x01]  // deadline_unix_ms = -1 (ten-byte varint)
            + [0x32, 0x06, 0x08, 0x05, 0x12, 0x02, 0x6e, 0x6f]  // status = {code: 5, message: "no"}
            + [0x3a, 0x02, 0xde, 0xad]  // payload
        #expect(try frame.serializedBytes() == expected)
        #expect(try Frame(serializedBytes: expected) == frame)
    }

    @Test("repeated floats are packed; doubles and bools are standard")
    func packedAndFixed() throws {
        let packed: [UInt8] = [0x1a, 0x08, 0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0xc0]  // 1.0f, -2.0f
        #expect(try QueryRequest(vector: [1, -2]).serializedBytes() == packed)
        #expect(try Insight(confidence: 0.5).serializedBytes() == [0x21, 0, 0, 0, 0, 0, 0, 0xe0, 0x3f])
        #expect(try AgentResult(degraded: true).serializedBytes() == [0x30, 0x01])
        // An unpacked encoding of the same repeated float is accepted too, as protobuf requires.
        #expect(try QueryRequest(serializedBytes: [0x1d, 0x00, 0x00, 0x80, 0x3f]).vector == [1])
    }

    @Test("unknown fields are skipped")
    func unknownFields() throws {
        // field 15 (varint) and field 16 (length-delimited) before service = "x"
        let bytes: [UInt8] = [0x78, 0x01, 0x82, 0x01, 0x02, 0x61, 0x62, 0x0a, 0x01, 0x78]
        #expect(try HealthCheckRequest(serializedBytes: bytes) == HealthCheckRequest(service: "x"))
    }
}

@Suite("Enums")
struct EnumTests {
    @Test("known values map to cases and back", arguments: FrameKind.allCases)
    func known(kind: FrameKind) {
        #expect(FrameKind(rawValue: kind.rawValue) == kind)
    }

    @Test("unknown values survive a round trip", arguments: [Int32(5), 42, 1_000_000, -1, .min, .max])
    func unknownSurvive(value: Int32) throws {
        let frame = Frame(kind: FrameKind(rawValue: value))
        #expect(frame.kind == .unrecognized(value))
        try expectRoundTrip(frame)
        try expectRoundTrip(AgentResult(route: .unrecognized(value)))
        try expectRoundTrip(HealthCheckResponse(status: ServingStatus(rawValue: value)))
    }

    @Test("an unknown value sent by a newer peer decodes to .unrecognized")
    func unknownFromWire() throws {
        #expect(try HealthCheckResponse(serializedBytes: [0x08, 0x07]).status == .unrecognized(7))
        #expect(try AgentResult(serializedBytes: [0x08, 0x09]).route == .unrecognized(9))
    }

    @Test("Route names follow the seed's routes")
    func routes() {
        #expect(Route.allCases == [.unspecified, .analyzeFinances, .discussGoals, .getAdvice, .end])
        #expect(Route.end.rawValue == 4)
    }
}
