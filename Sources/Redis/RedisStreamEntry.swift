/// One entry of a Redis stream: its ID and its fields, in the order they were added.
public struct RedisStreamEntry: Sendable, Hashable {
    /// One field of an entry; values are bytes, as stored.
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: [UInt8]

        public init(name: String, value: [UInt8]) {
            self.name = name
            self.value = value
        }
    }

    /// The entry ID, such as `1700000000000-0`.
    public var id: String
    /// The fields, in order; empty for an entry that was deleted while still pending.
    public var fields: [Field]

    public init(id: String, fields: [Field]) {
        self.id = id
        self.fields = fields
    }

    /// The value of the first field named `name`.
    public subscript(name: String) -> [UInt8]? {
        fields.first { $0.name == name }?.value
    }

    /// The value of the first field named `name` as UTF-8 text.
    public func string(_ name: String) -> String? {
        self[name].flatMap { String(validating: $0, as: UTF8.self) }
    }
}

extension RedisStreamEntry {
    /// Decodes `[id, [name, value, ...]]`; the field list is nil for deleted pending entries.
    init(reply: RESPValue) throws {
        guard let parts = reply.array, parts.count == 2, let id = parts[0].string else {
            throw RedisError(code: .unexpectedReply, message: "not a stream entry: \(reply)")
        }
        let values = parts[1].array ?? []
        guard values.count.isMultiple(of: 2) else {
            throw RedisError(code: .unexpectedReply, message: "stream entry \(id) has an odd number of field elements")
        }
        self.id = id
        self.fields = try stride(from: 0, to: values.count, by: 2).map { index in
            try Field(
                name: values[index].expect(\.string, from: "stream entry"),
                value: values[index + 1].expect(\.bytes, from: "stream entry"))
        }
    }

    /// Decodes an array of entries.
    static func list(_ reply: RESPValue) throws -> [RedisStreamEntry] {
        try reply.expect(\.array, from: "stream read").map(RedisStreamEntry.init(reply:))
    }
}
