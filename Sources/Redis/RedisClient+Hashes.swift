extension RedisClient {
    /// Sets fields of the hash at `key` (`HSET`).
    /// - Returns: how many fields were new.
    @discardableResult
    public func hset(_ key: String, fields: [String: RESPArgument]) async throws -> Int {
        guard !fields.isEmpty else { return 0 }
        let pairs = fields.flatMap { [RESPArgument($0.key), $0.value] }
        return try await Int(send(["HSET", RESPArgument(key)] + pairs).expect(\.int, from: "HSET"))
    }

    /// One field of the hash at `key` (`HGET`), or `nil`.
    public func hget(_ key: String, field: String) async throws -> [UInt8]? {
        let reply = try await send(["HGET", RESPArgument(key), RESPArgument(field)])
        return reply.isNull ? nil : try reply.expect(\.bytes, from: "HGET")
    }

    /// Every field of the hash at `key` (`HGETALL`); empty if the key does not exist.
    public func hgetall(_ key: String) async throws -> [String: [UInt8]] {
        let elements = try await send(["HGETALL", RESPArgument(key)]).expect(\.array, from: "HGETALL")
        guard elements.count.isMultiple(of: 2) else {
            throw RedisError(code: .unexpectedReply, message: "HGETALL replied an odd number of elements")
        }
        var fields: [String: [UInt8]] = [:]
        for index in stride(from: 0, to: elements.count, by: 2) {
            let name = try elements[index].expect(\.string, from: "HGETALL")
            fields[name] = try elements[index + 1].expect(\.bytes, from: "HGETALL")
        }
        return fields
    }
}
