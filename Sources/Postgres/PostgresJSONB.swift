import Foundation

/// A `Codable` value stored in a `jsonb` column: bind it as a parameter, or decode a column into it.
public struct PostgresJSONB<Value: Codable & Sendable>: Sendable, PostgresEncodable, PostgresDecodable {
    public var value: Value

    public init(_ value: Value) { self.value = value }

    public static var postgresType: PostgresDataType { .jsonb }

    public var postgresValue: PostgresBinding.Value {
        // Encoding a Codable model into JSON only fails for non-finite floats: store those as null.
        guard let data = try? JSONEncoder().encode(value) else { return .text("null") }
        return .text(String(decoding: data, as: UTF8.self))
    }

    public init(postgresText text: String, type: PostgresDataType) throws {
        do {
            value = try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        } catch {
            throw PostgresDecodingFailure("JSON is not a \(Value.self): \(error)")
        }
    }
}
