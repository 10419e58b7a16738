/// A statement and its parameters, kept apart: values never become part of the SQL text.
///
/// Write queries as string literals; every interpolated value becomes a `$n` placeholder and a
/// ``PostgresBinding``:
/// ```swift
/// let rows = try await client.query("SELECT name FROM users WHERE id = \(userID) AND age > \(minimumAge)")
/// ```
/// Only identifiers (table and column names from configuration) may be interpolated into the text,
/// and only quoted, with `\(identifier: name)`.
public struct PostgresQuery: Hashable, Sendable, ExpressibleByStringInterpolation {
    /// The SQL text, with `$1`, `$2`, ... where the parameters go.
    public var sql: String
    /// The parameters, in placeholder order.
    public var bindings: [PostgresBinding]

    /// A statement from trusted SQL text and separately bound parameters.
    public init(sql: String, bindings: [PostgresBinding] = []) {
        self.sql = sql
        self.bindings = bindings
    }

    public init(stringLiteral value: String) {
        self.init(sql: value)
    }

    public init(stringInterpolation: StringInterpolation) {
        self.init(sql: stringInterpolation.sql, bindings: stringInterpolation.bindings)
    }

    /// Builds a ``PostgresQuery`` from a string literal, binding each interpolated value.
    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var bindings: [PostgresBinding] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
            bindings.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Binds `value` as the next parameter.
        public mutating func appendInterpolation(_ value: some PostgresEncodable) {
            bindings.append(PostgresBinding(value))
            sql += "$\(bindings.count)"
        }

        /// Binds an already-built parameter.
        public mutating func appendInterpolation(_ binding: PostgresBinding) {
            bindings.append(binding)
            sql += "$\(bindings.count)"
        }

        /// Writes `name` as a double-quoted SQL identifier (a table or column name, never a value).
        public mutating func appendInterpolation(identifier name: String) {
            sql += "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }
}
