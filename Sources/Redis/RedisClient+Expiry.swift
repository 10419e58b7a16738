extension RedisClient {
    /// Makes `key` expire after `ttl` (`EXPIRE`, or `PEXPIRE` below a whole second).
    /// - Returns: `false` if the key does not exist.
    @discardableResult
    public func expire(_ key: String, after ttl: Duration) async throws -> Bool {
        let command: [RESPArgument] =
            ttl.isWholeSeconds
            ? ["EXPIRE", RESPArgument(key), RESPArgument(ttl.components.seconds)]
            : ["PEXPIRE", RESPArgument(key), RESPArgument(ttl.wholeMilliseconds)]
        return try await send(command).expect(\.int, from: "EXPIRE") == 1
    }

    /// Removes the expiry of `key` (`PERSIST`).
    /// - Returns: `false` if the key does not exist or had no expiry.
    @discardableResult
    public func persist(_ key: String) async throws -> Bool {
        try await send(["PERSIST", RESPArgument(key)]).expect(\.int, from: "PERSIST") == 1
    }

    /// The time `key` has left, in whole seconds (`TTL`).
    public func ttl(_ key: String) async throws -> RedisKeyTTL {
        let reply = try await send(["TTL", RESPArgument(key)]).expect(\.int, from: "TTL")
        return RedisKeyTTL(reply: reply, unit: .seconds(1))
    }

    /// The time `key` has left, in milliseconds (`PTTL`).
    public func pttl(_ key: String) async throws -> RedisKeyTTL {
        let reply = try await send(["PTTL", RESPArgument(key)]).expect(\.int, from: "PTTL")
        return RedisKeyTTL(reply: reply, unit: .milliseconds(1))
    }
}
