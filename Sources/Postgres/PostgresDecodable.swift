public import Foundation

/// A Swift value that a column's text can be decoded into.
public protocol PostgresDecodable: Sendable {
    /// Decodes the server's text output for a column of `type`.
    /// - Throws: ``PostgresDecodingFailure`` when the text is not a value of this Swift type.
    init(postgresText text: String, type: PostgresDataType) throws

    /// The value for SQL `NULL`; throws for every type but `Optional`.
    static func postgresNull() throws -> Self
}

/// Why a column's text could not be decoded; the row adds the column to it.
public struct PostgresDecodingFailure: Error, Sendable {
    public let reason: String

    public init(_ reason: String) { self.reason = reason }

    static func unexpected(_ text: String, as swiftType: Any.Type) -> PostgresDecodingFailure {
        PostgresDecodingFailure("'\(text.prefix(64))' is not a \(swiftType)")
    }
}

extension PostgresDecodable {
    public static func postgresNull() throws -> Self {
        throw PostgresDecodingFailure("NULL where a \(Self.self) was expected")
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public init(postgresText text: String, type: PostgresDataType) throws {
        self = try Wrapped(postgresText: text, type: type)
    }

    public static func postgresNull() throws -> Self { nil }
}

extension PostgresDecodable where Self: LosslessStringConvertible {
    /// Numbers arrive in the text form their Swift type parses.
    public init(postgresText text: String, type: PostgresDataType) throws {
        guard let value = Self(text) else { throw PostgresDecodingFailure.unexpected(text, as: Self.self) }
        self = value
    }
}

extension Int: PostgresDecodable {}
extension Int64: PostgresDecodable {}
extension Int32: PostgresDecodable {}
extension Int16: PostgresDecodable {}
extension Double: PostgresDecodable {}

extension String: PostgresDecodable {
    public init(postgresText text: String, type: PostgresDataType) throws { self = text }
}

extension Bool: PostgresDecodable {
    public init(postgresText text: String, type: PostgresDataType) throws {
        switch text {
        case "t", "true": self = true
        case "f", "false": self = false
        default: throw PostgresDecodingFailure.unexpected(text, as: Bool.self)
        }
    }
}






extension Decimal: PostgresDecodable {
    public init(postgresText text: String, type: PostgresDataType) throws {
        guard text != "NaN", let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw PostgresDecodingFailure.unexpected(text, as: Decimal.self)
        }
        self = value
    }
}

extension UUID: PostgresDecodable {
    public init(postgresText text: String, type: PostgresDataType) throws {
        guard let value = UUID(uuidString: text) else { throw PostgresDecodingFailure.unexpected(text, as: UUID.self) }
        self = value
    }
}

extension Date: PostgresDecodable {
    public init(postgresText text: String, type: PostgresDataType) throws {
        guard let value = PostgresTimestamp.parse(text) else {
            throw PostgresDecodingFailure.unexpected(text, as: Date.self)
        }
        self = value
    }
}

extension [UInt8]: PostgresDecodable {
    /// Decodes `bytea` in the server's hex output format (`\x0a1b...`).
    public init(postgresText text: String, type: PostgresDataType) throws {
        guard let bytes = PostgresHex.decodeBytea(text) else {
            throw PostgresDecodingFailure("'\(text.prefix(64))' is not bytea in hex format")
        }
        self = bytes
    }
}

extension Data: PostgresDecodable {
    public init(postgresText text: String, type: PostgresDataType) throws {
        self = Data(try [UInt8](postgresText: text, type: type))
    }
}

/// Decoding of `bytea`'s hex text format.
enum PostgresHex {
    /// The bytes of a `bytea` in PostgreSQL's hex format (`\x` and two hex digits per byte), or `nil` when
    /// `text` is not that.
    static func decodeBytea(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { utf8 -> [UInt8]? in
            guard utf8.count >= 2, utf8.count % 2 == 0, utf8[0] == UInt8(ascii: "\\"), utf8[1] == UInt8(ascii: "x")
            else { return nil }
            let count = utf8.count / 2 - 1
            var valid = true
            let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                for offset in 0..<count {
                    guard let high = nibble(utf8[2 + 2 * offset]), let low = nibble(utf8[3 + 2 * offset]) else {
                        valid = false
                        break
                    }
                    buffer[offset] = high << 4 | low
                }
                initialized = valid ? count : 0
            }
            return valid ? bytes : nil
        }
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
