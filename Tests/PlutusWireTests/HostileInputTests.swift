import PlutusWire
import PlutusTestSupport
import Testing

/// Decoding never crashes: bad bytes throw ``WireError`` with code `.malformed`.
@Suite("Hostile input")
struct HostileInputTests {
    @Test(
        "specific malformed inputs throw .malformed",
        arguments: [
            [0x0a, 0x05, 0x78],  // a length that points past the end
            [0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x78],  // a 4 GiB length
            [0x0a],  // a tag with no length
            [0x08, 0x80],  // a truncated varint
            [0x08] + [UInt8](repeating: 0x80, count: 11),  // a varint longer than ten bytes
            [0x0b],  // a start-group tag (deprecated groups) with no end
            [0x0f],  // wire type 7 does not exist
            [0x00, 0x00],  // field number 0
        ] as [[UInt8]]
    )
    func malformed(bytes: [UInt8]) {
        let error = #expect(throws: WireError.self) { try HealthCheckRequest(serializedBytes: bytes) }
        #expect(error?.code == .malformed)
        #expect(error?.messageType == "plutus.v1.HealthCheckRequest")
    }

    @Test("a nested message whose length runs past its parent throws")
    func nestedOverrun() {
        // Frame.status (field 6) claims 10 bytes but holds 2.
        #expect(throws: WireError.self) { try Frame(serializedBytes: [0x32, 0x0a, 0x08, 0x05]) }
        // A map entry whose value length overruns the entry.
        #expect(throws: WireError.self) { try Frame(serializedBytes: [0x2a, 0x03, 0x0a, 0x01, 0x61, 0x12, 0x05, 0x62]) }
    }

    @Test("every truncation of a valid message decodes or throws WireError")
    func truncations() throws {
        let bytes = try Fixtures.context.serializedBytes()
        var failures = 0
        for length in 0..<bytes.count {
            do {
                _ = try UserContext(serializedBytes: bytes[..<length])
            } catch is WireError {
                failures += 1
            }
        }
        // Most cuts land inside a field; a cut on a field boundary is a valid, shorter message.
        #expect(failures > bytes.count / 2)
    }

    @Test("thousands of random inputs decode or throw WireError, for every message type")
    func randomBytes() {
        var random = SplitMix64(seed: 0x5eed)
        for _ in 0..<4_000 {
            let length = Int(random.next() % 96)
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            for type in WireMessages.all {
                expectDecodesOrThrowsWireError(type, bytes)
            }
        }
    }

    @Test("thousands of mutations of valid messages decode or throw WireError")
    func mutations() throws {
        var random = SplitMix64(seed: 42)
        let originals = try Fixtures.all.map { (type(of: $0), try $0.serializedBytes()) }
        for _ in 0..<3_000 {
            let (type, original) = originals[Int(random.next() % UInt64(originals.count))]
            var bytes = original
            for _ in 0...(random.next() % 4) where !bytes.isEmpty {
                let index = Int(random.next() % UInt64(bytes.count))
                switch random.next() % 4 {
                case 0: bytes[index] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes[index] ^= 0x80
                case 2: bytes.remove(at: index)
                default: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: index)
                }
            }
            expectDecodesOrThrowsWireError(type, bytes)
        }
    }

    @Test("a string with NUL cannot be encoded: protobuf-c strings end at NUL")
    func nulInString() {
        let error = #expect(throws: WireError.self) { try HealthCheckRequest(service: "a\u{0}b").serializedBytes() }
        #expect(error?.code == .invalidArgument)
        #expect(error?.messageType == "plutus.v1.HealthCheckRequest")
        #expect(throws: WireError.self) { try Frame(metadata: ["k\u{0}": "v"]).serializedBytes() }
    }

    @Test("invalid UTF-8 in a string decodes with replacement characters")
    func invalidUTF8() throws {
        let request = try HealthCheckRequest(serializedBytes: [0x0a, 0x02, 0xff, 0x41])
        #expect(request.service == "\u{FFFD}A")
    }
}

func expectDecodesOrThrowsWireError<Message: WireMessage>(_: Message.Type, _ bytes: [UInt8]) {
    do {
        let message = try Message(serializedBytes: bytes)
        // Whatever decoded must encode again (NUL inside a decoded string is cut by C, never kept).
        _ = try message.serializedBytes()
    } catch let error as WireError {
        #expect(error.code == .malformed)
    } catch {
        Issue.record("unexpected error \(error) decoding \(Message.fullName)")
    }
}
