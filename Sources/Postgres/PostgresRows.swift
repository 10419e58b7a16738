/// The rows a statement returned, with their column names and types, decoded lazily by type.
public struct PostgresRows: Sendable, RandomAccessCollection {
    /// The result's columns, shared by every row.
    public let columns: PostgresColumns
    /// The command tag the server sent (`SELECT 3`, `INSERT 0 1`, `UPDATE 2`).
    public let commandTag: String
    /// Rows inserted, updated or deleted, or returned by a `SELECT`, as the command tag says.
    public let affectedRows: Int
    /// Every field of every row, row after row; `nil` is SQL `NULL`.
    let fields: [String?]

    public var startIndex: Int { 0 }
    public var endIndex: Int { columns.count == 0 ? 0 : fields.count / columns.count }

    public subscript(position: Int) -> PostgresRow {
        let start = position * columns.count
        return PostgresRow(columns: columns, fields: fields[start..<start + columns.count])
    }
}

/// The names and types of a result's columns.
public final class PostgresColumns: Sendable {
    public let names: [String]
    public let types: [PostgresDataType]
    private let indexByName: [String: Int]

    init(names: [String], types: [PostgresDataType]) {
        self.names = names
        self.types = types
        var indexByName: [String: Int] = [:]
        for (index, name) in names.enumerated() where indexByName[name] == nil {
            indexByName[name] = index
        }
        self.indexByName = indexByName
    }

    public var count: Int { names.count }

    /// The position of the first column called `name`.
    public func index(of name: String) -> Int? { indexByName[name] }
}

/// One row of a result.
public struct PostgresRow: Sendable {
    public let columns: PostgresColumns
    let fields: ArraySlice<String?>

    /// Whether the named column is SQL `NULL`.
    public func isNull(_ column: String) throws -> Bool {
        fields[fields.startIndex + (try index(of: column))] == nil
    }

    /// Decodes the named column as `type`; ask for an `Optional` to accept `NULL`.
    /// - Throws: ``PostgresError`` with code `.decoding` when the column is missing or its value
    ///   does not fit the type.
    public func decode<Value: PostgresDecodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        try decode(at: try index(of: column), as: type)
    }

    /// Decodes the column at `position` (0-based) as `type`.
    public func decode<Value: PostgresDecodable>(at position: Int, as type: Value.Type = Value.self) throws -> Value {
        guard columns.names.indices.contains(position) else {
            throw PostgresError(code: .decoding, message: "no column at position \(position)")
        }
        do {
            guard let text = fields[fields.startIndex + position] else { return try Value.postgresNull() }
            return try Value(postgresText: text, type: columns.types[position])
        } catch let failure as PostgresDecodingFailure {
            throw PostgresError(code: .decoding, message: "column \(columns.names[position]): \(failure.reason)")
        }
    }

    private func index(of column: String) throws -> Int {
        guard let index = columns.index(of: column) else {
            throw PostgresError(code: .decoding, message: "no column named \(column)")
        }
        return index
    }
}
