extension RedisClient {
    /// When `SET` may write.
    public enum SetCondition: Sendable, Hashable {
        /// Always (plain `SET`).
        case always
        /// Only if the key does not exist yet (`NX`): locks, first-writer-wins caches.
        case ifAbsent
        /// Only if the key already exists (`XX`).
        case ifPresent
    }

    /// The value of `key` (`GET`), or `nil` if it does not exist.
    public func get(_ key: String) async throws -> [UInt8]? {
        let reply = try await send(["GET", RESPArgument(key)])
        return reply.isNull ? nil : try reply.expect(\.bytes, from: "GET")
    }

    /// The value of `key` as UTF-8 text, or `nil` if it does not exist.
    /// - Throws: ``RedisError/Code/unexpectedReply`` if the value is not valid UTF-8.
    public func getString(_ key: String) async throws -> String? {
        guard let bytes = try await get(key) else { return nil }
        return try RESPValue.bulkString(bytes).expect(\.string, from: "GET")
    }

    /// Sets `key` to `value` (`SET`), optionally with an expiry (`EX`, or `PX` below a whole second).
    /// - Returns: `false` only when `condition` prevented the write.
    @discardableResult
    public func set(
        _ key: String, to value: [UInt8], ttl: Duration? = nil, condition: SetCondition = .always
    ) async throws -> Bool {
        var command: [RESPArgument] = ["SET", RESPArgument(key), RESPArgument(value)]
        if let ttl { command += Self.expiryArguments(ttl) }
        switch condition {
        case .always: break
        case .ifAbsent: command.append("NX")
        case .ifPresent: command.append("XX")
        }
        return try await !send(command).isNull
    }

    /// Sets `key` to the UTF-8 bytes of `value`; see ``set(_:to:ttl:condition:)-([UInt8],_,_)``.
    @discardableResult
    public func set(
        _ key: String, to value: String, ttl: Duration? = nil, condition: SetCondition = .always
    ) async throws -> Bool {
        try await set(key, to: Array(value.utf8), ttl: ttl, condition: condition)
    }

    /// The values of `keys` (`MGET`), `nil` where a key does not exist.
    public func mget(_ keys: [String]) async throws -> [[UInt8]?] {
        guard !keys.isEmpty else { return [] }
        let reply = try await send(["MGET"] + keys.map { RESPArgument($0) })
        return try reply.expect(\.array, from: "MGET").map { $0.isNull ? nil : try $0.expect(\.bytes, from: "MGET") }
    }

    /// Deletes `keys` (`DEL`).
    /// - Returns: how many existed.
    @discardableResult
    public func del(_ keys: [String]) async throws -> Int {
        guard !keys.isEmpty else { return 0 }
        return try await Int(send(["DEL"] + keys.map { RESPArgument($0) }).expect(\.int, from: "DEL"))
    }

    /// Deletes `keys` (`DEL`).
    @discardableResult
    public func del(_ keys: String...) async throws -> Int {
        try await del(keys)
    }

    /// Adds `amount` to the integer at `key` (`INCR`/`INCRBY`), starting from 0.
    /// - Returns: the new value.
    @discardableResult
    public func incr(_ key: String, by amount: Int64 = 1) async throws -> Int64 {
        let command: [RESPArgument] =
            amount == 1 ? ["INCR", RESPArgument(key)] : ["INCRBY", RESPArgument(key), RESPArgument(amount)]
        return try await send(command).expect(\.int, from: "INCR")
    }

    /// `EX seconds` for whole seconds, else `PX milliseconds`.
    static func expiryArguments(_ ttl: Duration) -> [RESPArgument] {
        ttl.isWholeSeconds
            ? ["EX", RESPArgument(ttl.components.seconds)] : ["PX", RESPArgument(ttl.wholeMilliseconds)]
    }
}
