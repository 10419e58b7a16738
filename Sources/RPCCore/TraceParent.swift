/// A W3C `traceparent` header (`00-<trace id>-<parent id>-<flags>`), carried through every hop.
public struct TraceParent: Hashable, Sendable, CustomStringConvertible {
    /// 32 lowercase hex digits, not all zero.
    public let traceID: String
    /// 16 lowercase hex digits, not all zero: the span that made the call.
    public let parentID: String
    /// Trace flags; bit 0 is "sampled".
    public let flags: UInt8

    /// Parses a header value; `nil` for anything the W3C spec says to ignore.
    public init?(_ header: String) {
        let parts = header.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 4, parts[0].count == 2, Self.isHex(parts[0]), parts[0] != "ff",
            parts[1].count == 32, Self.isHex(parts[1]), !Self.isZero(parts[1]),
            parts[2].count == 16, Self.isHex(parts[2]), !Self.isZero(parts[2]),
            parts[3].count == 2, Self.isHex(parts[3]), let flags = UInt8(parts[3], radix: 16),
            parts[0] != "00" || parts.count == 4
        else { return nil }
        self.init(traceID: String(parts[1]), parentID: String(parts[2]), flags: flags)
    }

    private init(traceID: String, parentID: String, flags: UInt8) {
        self.traceID = traceID
        self.parentID = parentID
        self.flags = flags
    }

    /// A new trace, sampled, for a call that arrived without one.
    public static func newTrace<Generator: RandomNumberGenerator>(using generator: inout Generator) -> TraceParent {
        TraceParent(traceID: randomHex(bytes: 16, &generator), parentID: randomHex(bytes: 8, &generator), flags: 1)
    }

    public static func newTrace() -> TraceParent {
        var generator = SystemRandomNumberGenerator()
        return newTrace(using: &generator)
    }

    /// The same trace with a new span as parent: what a service sends on to the next hop.
    public func child<Generator: RandomNumberGenerator>(using generator: inout Generator) -> TraceParent {
        TraceParent(traceID: traceID, parentID: Self.randomHex(bytes: 8, &generator), flags: flags)
    }

    public func child() -> TraceParent {
        var generator = SystemRandomNumberGenerator()
        return child(using: &generator)
    }

    /// The header value.
    public var description: String {
        "00-\(traceID)-\(parentID)-\(Self.hex(flags))"
    }

    private static func isHex(_ text: Substring) -> Bool {
        text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    private static func isZero(_ text: Substring) -> Bool {
        text.utf8.allSatisfy { $0 == UInt8(ascii: "0") }
    }

    /// `bytes` (a multiple of 8) random bytes as lowercase hex, never all zero: one generator call per
    /// 8 bytes (for the system generator, one `getrandom` each), written straight into the string.
    private static func randomHex<Generator: RandomNumberGenerator>(bytes: Int, _ generator: inout Generator) -> String {
        let words = bytes / 8
        var random = [UInt64](repeating: 0, count: words)
        repeat {
            for index in random.indices { random[index] = generator.next() }
        } while random.allSatisfy { $0 == 0 }
        return String(unsafeUninitializedCapacity: words * 16) { text in
            var written = 0
            for word in random {
                for shift in stride(from: 60, through: 0, by: -4) {
                    text[written] = hexDigit(UInt8(truncatingIfNeeded: word >> UInt64(shift)) & 0x0f)
                    written += 1
                }
            }
            return written
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        String(decoding: [hexDigit(byte >> 4), hexDigit(byte & 0x0f)], as: UTF8.self)
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
