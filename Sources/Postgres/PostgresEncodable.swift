public import Foundation

/// A Swift value that can be bound as a statement parameter.
public protocol PostgresEncodable: Sendable {
    /// The type the server is told the parameter has.
    static var postgresType: PostgresDataType { get }
    /// The value in a wire format.
    var postgresValue: PostgresBinding.Value { get }
}

extension PostgresEncodable where Self: BinaryInteger {
    public var postgresValue: PostgresBinding.Value { .text(String(self)) }
}

extension String: PostgresEncodable {
    public static var postgresType: PostgresDataType { .text }
    public var postgresValue: PostgresBinding.Value { .text(self) }
}

extension Substring: PostgresEncodable {
    public static var postgresType: PostgresDataType { .text }
    public var postgresValue: PostgresBinding.Value { .text(String(self)) }
}

extension Int: PostgresEncodable {
    public static var postgresType: PostgresDataType { .int8 }
}

extension Int64: PostgresEncodable {
    public static var postgresType: PostgresDataType { .int8 }
}

extension Int32: PostgresEncodable {
    public static var postgresType: PostgresDataType { .int4 }
}

extension Int16: PostgresEncodable {
    public static var postgresType: PostgresDataType { .int2 }
}

extension Double: PostgresEncodable {
    public static var postgresType: PostgresDataType { .float8 }
    public var postgresValue: PostgresBinding.Value {
        if isNaN { return .text("NaN") }
        if isInfinite { return .text(self < 0 ? "-Infinity" : "Infinity") }
        return .text("\(self)")
    }
}

extension Bool: PostgresEncodable {
    public static var postgresType: PostgresDataType { .bool }
    public var postgresValue: PostgresBinding.Value { .text(self ? "t" : "f") }
}

extension Decimal: PostgresEncodable {
    public static var postgresType: PostgresDataType { .numeric }
    public var postgresValue: PostgresBinding.Value {
        .text(isNaN ? "NaN" : NSDecimalNumber(decimal: self).description(withLocale: Locale(identifier: "en_US_POSIX")))
    }
}

extension UUID: PostgresEncodable {
    public static var postgresType: PostgresDataType { .uuid }
    public var postgresValue: PostgresBinding.Value { .text(uuidString) }
}

extension Date: PostgresEncodable {
    public static var postgresType: PostgresDataType { .timestamptz }
    public var postgresValue: PostgresBinding.Value { .text(PostgresTimestamp.format(self)) }
}

extension [UInt8]: PostgresEncodable {
    public static var postgresType: PostgresDataType { .bytea }
    public var postgresValue: PostgresBinding.Value { .binary(self) }
}

extension Data: PostgresEncodable {
    public static var postgresType: PostgresDataType { .bytea }
    public var postgresValue: PostgresBinding.Value { .binary([UInt8](self)) }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public static var postgresType: PostgresDataType { Wrapped.postgresType }
    public var postgresValue: PostgresBinding.Value { self?.postgresValue ?? .null }
}
