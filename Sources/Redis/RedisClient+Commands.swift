extension RedisClient {
    /// Sends one command and returns its reply.
    ///
    /// - Parameter command: the command name and its arguments, e.g. `["SET", "key", RESPArgument(bytes)]`.
    /// - Throws: ``RedisError``: ``RedisError/Code/serverError`` for an error reply (with the server's
    ///   message), or a connection, timeout or pool error; `CancellationError` if the task is cancelled.
    public func send(_ command: [RESPArgument]) async throws -> RESPValue {
        try await send(command, readTimeout: nil)
    }

    /// Sends one command given as separate arguments: `send("INCR", "counter")`.
    public func send(_ command: RESPArgument...) async throws -> RESPValue {
        try await send(command, readTimeout: nil)
    }

    /// Sends one command given as strings.
    public func send(_ command: [String]) async throws -> RESPValue {
        try await send(command.map { RESPArgument($0) }, readTimeout: nil)
    }

    /// Sends one command given as raw byte arrays.
    public func send(_ command: [[UInt8]]) async throws -> RESPValue {
        try await send(command.map { RESPArgument($0) }, readTimeout: nil)
    }

    /// Sends every command on one connection without waiting, then reads all replies in order.
    ///
    /// A command the server rejects comes back as a ``RESPValue/error(_:)`` element, so one failure
    /// does not lose the other replies. The commands do not run atomically; wrap them in
    /// `MULTI`/`EXEC` for that.
    /// - Returns: one reply per command, in the commands' order.
    /// - Throws: ``RedisError`` for connection, timeout or pool errors, which lose the whole batch.
    public func pipeline(_ commands: [[RESPArgument]]) async throws -> [RESPValue] {
        guard !commands.isEmpty else { return [] }
        try commands.forEach(Self.validate)
        return try await withConnection { try await $0.executePipeline(commands) }
    }

    /// Pipelines commands given as strings; see ``pipeline(_:)-([[RESPArgument]])``.
    public func pipeline(_ commands: [[String]]) async throws -> [RESPValue] {
        try await pipeline(commands.map { $0.map { RESPArgument($0) } })
    }

    /// Sends one command with an optional read timeout that replaces the configured one.
    func send(_ command: [RESPArgument], readTimeout: Duration?) async throws -> RESPValue {
        try Self.validate(command)
        let reply = try await withConnection { try await $0.execute(command, readTimeout: readTimeout) }
        return try Self.throwingServerError(reply)
    }

    /// Turns an error reply into a thrown ``RedisError``.
    static func throwingServerError(_ reply: RESPValue) throws -> RESPValue {
        if case .error(let message) = reply { throw RedisError(code: .serverError, message: message) }
        return reply
    }

    private static func validate(_ command: [RESPArgument]) throws {
        guard !command.isEmpty else { throw RedisError(code: .invalidCommand, message: "empty command") }
    }
}

extension RESPValue {
    /// The reply as `T`, or a ``RedisError/Code/unexpectedReply`` error naming the command.
    func expect<T>(_ accessor: (RESPValue) -> T?, from command: String) throws -> T {
        guard let value = accessor(self) else {
            throw RedisError(code: .unexpectedReply, message: "\(command) replied \(self)")
        }
        return value
    }
}
