import Foundation

/// A JSON value as metadata and filters are written: read with `JSONDecoder`, so booleans, integers and
/// other numbers stay apart.
indirect enum ParsedJSON: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([ParsedJSON])
    case object([String: ParsedJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([ParsedJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: ParsedJSON].self))
        }
    }

    /// The value `text` holds.
    /// - Throws: ``VectorStoreError/invalidArgument(_:)`` naming `what` when it is not JSON.
    static func parse(_ text: String, _ what: String) throws -> ParsedJSON {
        do {
            return try JSONDecoder().decode(ParsedJSON.self, from: Data(text.utf8))
        } catch {
            throw VectorStoreError.invalidArgument("\(what) is not valid JSON")
        }
    }
}
