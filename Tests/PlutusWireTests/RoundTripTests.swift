import PlutusWire
import Testing

@Suite("Round trips")
struct RoundTripTests {
    @Test("every generated message type has a fully set fixture")
    func fixturesCoverEveryType() {
        let generated = Set(WireMessages.all.map { $0.fullName })
        let covered = Set(Fixtures.all.map { type(of: $0).fullName })
        #expect(generated == covered)
        #expect(generated.count == 57)
    }

    @Test("a fully set message survives encoding and decoding", arguments: Fixtures.all)
    func roundTrip(message: any WireMessage) throws {
        try expectRoundTrip(message)
    }

    @Test("a default message encodes to zero bytes and decodes from them", arguments: WireMessages.all.map(Box.init))
    func defaultsAreEmpty(type: Box) throws {
        try expectEmptyDefault(type.type)
    }

    @Test("decoding accepts any collection of bytes, contiguous or not")
    func decodesFromAnyCollection() throws {
        let frame = try #require(Fixtures.all.first { $0 is Frame } as? Frame)
        let bytes = try frame.serializedBytes()
        #expect(try Frame(serializedBytes: bytes[...]) == frame)
        #expect(try Frame(serializedBytes: ([0xff] + bytes).dropFirst()) == frame)
        #expect(try Frame(serializedBytes: bytes.lazy.map { $0 }) == frame)
    }

    @Test("large values: a 1 MiB payload, integer extremes, many repeated items, big maps")
    func largeValues() throws {
        var payload = [UInt8](repeating: 0, count: 1 << 20)
        for index in payload.indices { payload[index] = UInt8(truncatingIfNeeded: index &* 31 &+ 7) }
        let metadata = Dictionary(
            uniqueKeysWithValues: (0..<2_000).map { ("key-\($0)", String(repeating: "v", count: $0 % 50)) })
        let frame = Frame(
            streamID: .max, kind: .message, method: "m", deadlineUnixMs: .max, metadata: metadata,
            status: Status(code: .min, message: String(repeating: "é", count: 100_000)), payload: payload)
        try expectRoundTrip(frame)

        let transactions = (0..<20_000).map {
            Transaction(id: "tx-\($0)", accountID: "acc", amountCents: Int64($0) * (.max / 20_000), date: "2026-01-01")
        }
        try expectRoundTrip(UserContext(userID: "u", version: .min, transactions: transactions))
        try expectRoundTrip(VectorItem(id: "v", vector: (0..<4_096).map { Float($0) / 7 }))
        try expectRoundTrip(Int64Value(value: .max))
        try expectRoundTrip(Account(balanceCents: .min, availableCents: .max, aprBps: .min, asOfUnixMs: -1))
    }

    @Test("empty strings and unicode in every kind of string position")
    func stringsAndUnicode() throws {
        let strings = [
            "", " ", Fixtures.unicode, "🇵🇹", "\u{301}e", "tab\tnew\nline", String(repeating: "x", count: 70_000),
        ]
        for string in strings {
            try expectRoundTrip(HealthCheckRequest(service: string))
            try expectRoundTrip(Frame(method: string, metadata: [string: string, "k": string]))
            try expectRoundTrip(AgentResult(reply: string, missingFields: [string, "", string]))
        }
    }

    @Test("presence: an absent wrapped value or message differs from a present zero")
    func presence() throws {
        for account in [Account(aprBps: nil), Account(aprBps: 0), Account(aprBps: 1)] {
            try expectRoundTrip(account)
        }
        #expect(try Account(aprBps: nil).serializedBytes() == [])
        #expect(try Account(aprBps: 0).serializedBytes() == [0x42, 0x00])
        #expect(try Goal(targetAmountCents: 0).serializedBytes() == [0x22, 0x00])
        #expect(try Frame(status: Status()).serializedBytes() == [0x32, 0x00])
        #expect(try Frame(serializedBytes: [0x32, 0x00]).status == Status())
        #expect(try Frame(serializedBytes: []).status == nil)
    }

    @Test("map entries are encoded in key order, so equal messages encode to equal bytes")
    func mapsAreDeterministic() throws {
        let frame = Frame(metadata: ["b": "2", "a": "1"])
        let entryA: [UInt8] = [0x2a, 0x06, 0x0a, 0x01, 0x61, 0x12, 0x01, 0x31]  // {key: "a", value: "1"}
        let entryB: [UInt8] = [0x2a, 0x06, 0x0a, 0x01, 0x62, 0x12, 0x01, 0x32]  // {key: "b", value: "2"}
        let expected = entryA + entryB
        #expect(try frame.serializedBytes() == expected)
        // The last of duplicate keys wins, as protobuf specifies.
        let entryA9: [UInt8] = [0x2a, 0x06, 0x0a, 0x01, 0x61, 0x12, 0x01, 0x39]  // {key: "a", value: "9"}
        #expect(try Frame(serializedBytes: expected + entryA9).metadata == ["a": "9", "b": "2"])
    }
}

/// Makes a metatype usable as a test argument.
struct Box: Sendable, CustomTestStringConvertible {
    let type: any WireMessage.Type
    var testDescription: String { type.fullName }
}

func expectRoundTrip<Message: WireMessage>(
    _ message: Message,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let bytes = try message.serializedBytes()
    let decoded = try Message(serializedBytes: bytes)
    #expect(decoded == message, "\(Message.fullName)", sourceLocation: sourceLocation)
    #expect(try decoded.serializedBytes() == bytes, "re-encoding \(Message.fullName)", sourceLocation: sourceLocation)
}

func expectEmptyDefault<Message: WireMessage>(_: Message.Type) throws {
    #expect(try Message().serializedBytes() == [], "\(Message.fullName)")
    #expect(try Message(serializedBytes: []) == Message(), "\(Message.fullName)")
}
