import Foundation

/// One metadata value: ChromaDB allows strings, integers, floats and booleans.
public enum MetadataValue: Hashable, Sendable {
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)

    /// The value as a number, for comparisons: integers and floats compare with each other.
    var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        case .string, .bool: nil
        }
    }

    /// Whether two values are equal as a filter means it: `1` equals `1.0`, a string never equals a number.
    func matches(_ other: MetadataValue) -> Bool {
        if let number, let otherNumber = other.number { return number == otherNumber }
        return self == other
    }

    init?(_ json: ParsedJSON) {
        switch json {
        case .string(let value): self = .string(value)
        case .int(let value): self = .int(value)
        case .double(let value): self = .double(value)
        case .bool(let value): self = .bool(value)
        case .null, .array, .object: return nil
        }
    }

    var json: Any {
        switch self {
        case .string(let value): value
        case .int(let value): value
        case .double(let value): value
        case .bool(let value): value
        }
    }
}

/// An item's metadata: field names to values.
public typealias Metadata = [String: MetadataValue]

enum MetadataJSON {
    /// The metadata `text` holds (a JSON object of strings, numbers and booleans; empty: none).
    static func parse(_ text: String) throws -> Metadata {
        guard !text.isEmpty else { return [:] }
        guard case .object(let fields) = try ParsedJSON.parse(text, "metadata") else {
            throw VectorStoreError.invalidArgument("metadata must be a JSON object")
        }
        return try fields.mapValues { value in
            guard let metadata = MetadataValue(value) else {
                throw VectorStoreError.invalidArgument("metadata values must be strings, numbers or booleans")
            }
            return metadata
        }
    }

    /// `metadata` as a JSON object with sorted keys; empty metadata is "".
    static func text(_ metadata: Metadata) -> String {
        guard !metadata.isEmpty,
            let data = try? JSONSerialization.data(
                withJSONObject: metadata.mapValues(\.json), options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
