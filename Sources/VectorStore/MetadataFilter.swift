import Foundation

/// A metadata filter in ChromaDB's `where` syntax:
///
/// - `{"field": value}` is `{"field": {"$eq": value}}`;
/// - `$eq`, `$ne`, `$in`, `$nin` on strings, numbers and booleans (`1` equals `1.0`);
/// - `$gt`, `$gte`, `$lt`, `$lte` on numbers only;
/// - `{"$and": [filters]}`, `{"$or": [filters]}`; several fields in one object must all match.
///
/// An item without the field matches no condition on it, `$ne` and `$nin` included (as in ChromaDB).
public indirect enum MetadataFilter: Sendable, Equatable {
    case all([MetadataFilter])
    case any([MetadataFilter])
    case condition(field: String, Condition)

    public enum Condition: Sendable, Equatable {
        case equal(MetadataValue)
        case notEqual(MetadataValue)
        case oneOf([MetadataValue])
        case noneOf([MetadataValue])
        case greater(Double, orEqual: Bool)
        case less(Double, orEqual: Bool)
    }

    /// The filter `json` writes, or `nil` for an empty one ("" or `{}`).
    /// - Throws: ``VectorStoreError/invalidArgument(_:)`` saying what is wrong.
    public static func parse(_ json: String) throws -> MetadataFilter? {
        guard !json.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        guard case .object(let fields) = try ParsedJSON.parse(json, "where") else {
            throw VectorStoreError.invalidArgument("where must be a JSON object")
        }
        return fields.isEmpty ? nil : try filter(fields)
    }

    /// Whether `metadata` passes the filter.
    public func matches(_ metadata: Metadata) -> Bool {
        switch self {
        case .all(let filters): filters.allSatisfy { $0.matches(metadata) }
        case .any(let filters): filters.contains { $0.matches(metadata) }
        case .condition(let field, let condition):
            metadata[field].map(condition.matches) ?? false
        }
    }

    private static func filter(_ fields: [String: ParsedJSON]) throws -> MetadataFilter {
        let parts = try fields.sorted { $0.key < $1.key }.map { key, value -> MetadataFilter in
            switch key {
            case "$and", "$or":
                guard case .array(let items) = value, !items.isEmpty else {
                    throw VectorStoreError.invalidArgument("\(key) takes a non-empty list of filters")
                }
                let filters = try items.map { item -> MetadataFilter in
                    guard case .object(let object) = item, !object.isEmpty else {
                        throw VectorStoreError.invalidArgument("each filter in \(key) must be a non-empty object")
                    }
                    return try filter(object)
                }
                return key == "$and" ? .all(filters) : .any(filters)
            case let other where other.hasPrefix("$"):
                throw VectorStoreError.invalidArgument("unknown operator \(other) at the top of where")
            default:
                return .condition(field: key, try condition(key, value))
            }
        }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    private static func condition(_ field: String, _ json: ParsedJSON) throws -> Condition {
        guard case .object(let operators) = json else { return .equal(try value(json, field)) }
        guard operators.count == 1, let (op, operand) = operators.first else {
            throw VectorStoreError.invalidArgument("the condition on \(field) must have exactly one operator")
        }
        switch op {
        case "$eq": return .equal(try value(operand, field))
        case "$ne": return .notEqual(try value(operand, field))
        case "$in", "$nin":
            guard case .array(let items) = operand else {
                throw VectorStoreError.invalidArgument("\(op) on \(field) takes a list")
            }
            let values = try items.map { try value($0, field) }
            return op == "$in" ? .oneOf(values) : .noneOf(values)
        case "$gt", "$gte", "$lt", "$lte":
            guard let number = try value(operand, field).number else {
                throw VectorStoreError.invalidArgument("\(op) on \(field) takes a number")
            }
            return op.hasPrefix("$g")
                ? .greater(number, orEqual: op == "$gte") : .less(number, orEqual: op == "$lte")
        default:
            throw VectorStoreError.invalidArgument("unknown operator \(op) on \(field)")
        }
    }

    private static func value(_ json: ParsedJSON, _ field: String) throws -> MetadataValue {
        guard let value = MetadataValue(json) else {
            throw VectorStoreError.invalidArgument("the value for \(field) must be a string, number or boolean")
        }
        return value
    }
}

extension MetadataFilter.Condition {
    func matches(_ value: MetadataValue) -> Bool {
        switch self {
        case .equal(let expected): value.matches(expected)
        case .notEqual(let excluded): !value.matches(excluded)
        case .oneOf(let values): values.contains { value.matches($0) }
        case .noneOf(let values): !values.contains { value.matches($0) }
        case .greater(let bound, let orEqual): value.number.map { orEqual ? $0 >= bound : $0 > bound } ?? false
        case .less(let bound, let orEqual): value.number.map { orEqual ? $0 <= bound : $0 < bound } ?? false
        }
    }
}

extension MetadataFilter {
    /// Conditions every match must meet that an index of values can answer: a field equal to one of some
    /// values (`$eq`, `$in`, or one such condition inside `$and`).
    var requiredValues: [(field: String, values: [MetadataValue])] {
        switch self {
        case .condition(let field, .equal(let value)): [(field, [value])]
        case .condition(let field, .oneOf(let values)): [(field, values)]
        case .condition: []
        case .all(let filters): filters.flatMap(\.requiredValues)
        case .any: []
        }
    }
}
