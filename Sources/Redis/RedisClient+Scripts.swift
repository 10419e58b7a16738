extension RedisClient {
    /// Runs `script` by its digest (`EVALSHA`); if the server does not know it (`NOSCRIPT`, e.g. after
    /// a restart or `SCRIPT FLUSH`), sends the source with `EVAL` on the same connection, which also
    /// caches it for later calls.
    /// - Parameters:
    ///   - keys: the keys the script touches, as `KEYS`.
    ///   - arguments: the other arguments, as `ARGV`.
    /// - Returns: the script's return value.
    /// - Throws: ``RedisError/Code/serverError`` if the script fails.
    public func evalsha(
        _ script: RedisScript, keys: [String] = [], arguments: [RESPArgument] = []
    ) async throws -> RESPValue {
        let tail = [RESPArgument(keys.count)] + keys.map { RESPArgument($0) } + arguments
        let logger = self.logger
        let reply = try await withConnection { connection in
            let reply = try await connection.execute(["EVALSHA", RESPArgument(script.sha1)] + tail)
            guard reply.errorMessage?.hasPrefix("NOSCRIPT") == true else { return reply }
            logger.debug(
                "redis script not cached; sending its source", metadata: ["redis.script.sha1": "\(script.sha1)"])
            return try await connection.execute(["EVAL", RESPArgument(script.source)] + tail)
        }
        return try Self.throwingServerError(reply)
    }

    /// Loads `script` into the server's script cache (`SCRIPT LOAD`) ahead of its first use.
    /// - Throws: ``RedisError/Code/serverError`` if it does not compile, ``RedisError/Code/unexpectedReply``
    ///   if the server names it by another digest.
    public func loadScript(_ script: RedisScript) async throws {
        let digest = try await send(["SCRIPT", "LOAD", RESPArgument(script.source)]).expect(
            \.string, from: "SCRIPT LOAD")
        guard digest == script.sha1 else {
            throw RedisError(
                code: .unexpectedReply, message: "SCRIPT LOAD named the script \(digest), not \(script.sha1)")
        }
    }
}
