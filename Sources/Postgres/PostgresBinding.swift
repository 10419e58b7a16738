/// One parameter of a statement: its type and its value, sent apart from the SQL text.
public struct PostgresBinding: Hashable, Sendable {
    /// A parameter's value in one of the wire formats libpq accepts.
    public enum Value: Hashable, Sendable {
        case null
        /// PostgreSQL's text input format for the type.
        case text(String)
        /// PostgreSQL's binary format for the type (used for `bytea`).
        case binary([UInt8])
    }

    public var type: PostgresDataType
    public var value: Value

    public init(type: PostgresDataType, value: Value) {
        self.type = type
        self.value = value
    }

    /// Binds `value` with the type it declares.
    public init(_ value: some PostgresEncodable) {
        self.init(type: Swift.type(of: value).postgresType, value: value.postgresValue)
    }
}
