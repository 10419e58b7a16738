/// One reply from a Redis server, decoded in full (RESP2, as hiredis 0.14 speaks it).
///
/// Bulk strings stay bytes, so binary values round-trip unchanged; the typed accessors
/// (``string``, ``int``, ``bytes``, ``array``) convert when the shape allows and return `nil`
/// otherwise.
public enum RESPValue: Sendable, Hashable {
    /// A missing value: a nil bulk string or a nil array.
    case null
    /// A status reply such as `OK` or `PONG`.
    case simpleString(String)
    /// An error reply such as `WRONGTYPE Operation against a key holding the wrong kind of value`.
    case error(String)
    /// An integer reply.
    case integer(Int64)
    /// A bulk string: any bytes, including NUL and bytes that are not UTF-8.
    case bulkString([UInt8])
    /// An array reply; its elements may be arrays themselves.
    case array([RESPValue])
}

extension RESPValue {
    /// Whether the reply is ``null``.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The bytes of a bulk or simple string.
    public var bytes: [UInt8]? {
        switch self {
        case .bulkString(let bytes): bytes
        case .simpleString(let string): Array(string.utf8)
        default: nil
        }
    }

    /// A bulk or simple string as text; `nil` for other replies and for bytes that are not valid UTF-8.
    public var string: String? {
        switch self {
        case .bulkString(let bytes): String(validating: bytes, as: UTF8.self)
        case .simpleString(let string): string
        default: nil
        }
    }

    /// An integer reply, or a string reply that holds a decimal integer (as some commands send).
    public var int: Int64? {
        switch self {
        case .integer(let value): value
        case .bulkString, .simpleString: string.flatMap { Int64($0) }
        default: nil
        }
    }

    /// A string reply that holds a floating-point number (as `INCRBYFLOAT` and `ZSCORE` send), or an integer.
    public var double: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .bulkString, .simpleString: string.flatMap { Double($0) }
        default: nil
        }
    }

    /// The elements of an array reply.
    public var array: [RESPValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The message of an error reply.
    public var errorMessage: String? {
        if case .error(let message) = self { return message }
        return nil
    }
}

extension RESPValue: CustomStringConvertible {
    public var description: String {
        switch self {
        case .null: "(nil)"
        case .simpleString(let string): string
        case .error(let message): "(error) \(message)"
        case .integer(let value): "(integer) \(value)"
        case .bulkString(let bytes):
            String(validating: bytes, as: UTF8.self).map { "\"\($0)\"" } ?? "<\(bytes.count) bytes>"
        case .array(let elements): "[" + elements.map(\.description).joined(separator: ", ") + "]"
        }
    }
}
