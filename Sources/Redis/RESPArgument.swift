/// One argument of a Redis command: bytes sent with an explicit length, so any value is binary-safe.
///
/// String and integer literals convert implicitly: `["SET", "key", "value"]`, `["EXPIRE", "key", 60]`.
public struct RESPArgument: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    /// The bytes sent to the server.
    public var bytes: [UInt8]

    /// An argument holding `bytes` unchanged.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// An argument holding the UTF-8 encoding of `string`.
    public init(_ string: String) {
        self.bytes = Array(string.utf8)
    }

    /// An argument holding `value` in decimal, as Redis expects numbers.
    public init(_ value: some BinaryInteger) {
        self.init(String(value))
    }

    /// An argument holding `value` as text that Redis parses back exactly (`inf` for infinity).
    public init(_ value: Double) {
        self.init(value.isInfinite ? (value < 0 ? "-inf" : "inf") : String(value))
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension RESPArgument: CustomStringConvertible {
    public var description: String {
        String(validating: bytes, as: UTF8.self) ?? "<\(bytes.count) bytes>"
    }
}
