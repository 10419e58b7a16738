import BridgeSupport
import Logging

/// One blocking hiredis connection, confined to its own OS thread.
///
/// The actor's executor is a ``ThreadExecutor`` it owns, so every method — and so every blocking
/// hiredis call — runs on that thread, never on the cooperative pool, and the `redisContext*`
/// never leaves it. Other threads only reach the ``ConnectionSocket``.
actor RedisConnection: PooledConnection {
    nonisolated let id: Int
    private let executor: ThreadExecutor
    private let socket = ConnectionSocket()
    private let configuration: RedisConfiguration
    private let logger: Logger
    private var context: RedisContext?

    nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    private init(id: Int, configuration: RedisConfiguration, logger: Logger) {
        self.id = id
        self.executor = ThreadExecutor(name: "redis-\(id)")
        self.configuration = configuration
        var logger = logger
        logger[metadataKey: "redis.connection.id"] = "\(id)"
        logger[metadataKey: "redis.endpoint"] = "\(configuration.endpoint)"
        self.logger = logger
    }

    deinit {
        // The context, if any, is freed by its own deinit; the thread ends once its queue drains.
        executor.shutdown()
    }

    /// Opens, authenticates and selects the database, on the connection's own thread.
    /// - Throws: ``RedisError`` with code ``RedisError/Code/connectionFailed``.
    static func open(id: Int, configuration: RedisConfiguration, logger: Logger) async throws -> RedisConnection {
        let connection = RedisConnection(id: id, configuration: configuration, logger: logger)
        try await connection.connect()
        return connection
    }

    nonisolated var isReusable: Bool {
        socket.isReusable
    }

    func close() {
        socket.detach()
        if context != nil { logger.debug("redis connection closed") }
        context = nil
    }

    // MARK: - Commands

    /// Sends one command and returns its reply; error replies are returned, not thrown.
    /// - Parameter readTimeout: replaces the command timeout for this call (`.zero`: wait forever).
    func execute(_ command: [RESPArgument], readTimeout: Duration? = nil) async throws -> RESPValue {
        let normal = configuration.commandTimeout
        return try await interruptible { context in
            try context.withTimeout(readTimeout, restoring: normal) { try context.command(command) }
        }
    }

    /// Sends every command, then reads every reply, in order; error replies are returned, not thrown.
    func executePipeline(_ commands: [[RESPArgument]]) async throws -> [RESPValue] {
        try await interruptible { context in
            for command in commands { try context.append(command) }
            return try commands.map { _ in try context.readReply() }
        }
    }

    /// Subscribes to `channels` and hands every reply that follows (confirmations, then messages) to
    /// `deliver`, on this connection's thread, until the connection fails or the calling task is
    /// cancelled. Waits without a read timeout: a quiet channel is not a failure.
    /// - Throws: ``RedisError`` when the connection fails; `CancellationError` when cancelled.
    func listen(to channels: [String], deliver: @Sendable (RESPValue) -> Void) async throws {
        try await interruptible { context in
            try context.setTimeout(.zero)
            try context.append(["SUBSCRIBE"] + channels.map { RESPArgument($0) })
            while true { deliver(try context.readReply()) }
        }
    }

    /// Runs blocking hiredis calls so that cancelling the calling task shuts the socket down and ends them.
    ///
    /// Any thrown error leaves the connection broken (it may have unread replies or a dead socket),
    /// and the pool replaces it.
    private func interruptible<Result>(_ body: (RedisContext) throws -> Result) async throws -> Result {
        try Task.checkCancellation()
        socket.beginCommand()
        do {
            // The operation closure captures `self`, which isolates it to this actor; calling the
            // synchronous isolated `withContext` without `await` proves that at compile time, so the
            // blocking calls stay on the connection's thread. (A closure that does not capture
            // `self` would run on the cooperative pool.)
            let result = try await withTaskCancellationHandler {
                try self.withContext(body)
            } onCancel: { [socket] in
                socket.interrupt()
            }
            _ = socket.endCommand()
            return result
        } catch {
            let interrupted = socket.endCommand()
            socket.markBroken()
            let reason = interrupted ? "cancelled" : String(describing: error)
            logger.debug("redis connection broken", metadata: ["redis.error": .string(reason)])
            if interrupted { throw CancellationError() }
            throw error
        }
    }

    private func withContext<Result>(_ body: (RedisContext) throws -> Result) throws -> Result {
        guard let context else { throw RedisError(code: .connectionLost, message: "connection is closed") }
        return try body(context)
    }

    // MARK: - Connecting

    private func connect() throws {
        BrokenPipeSignal.blockOnCurrentThread()
        let context = try RedisContext.connect(to: configuration.endpoint, timeout: configuration.connectTimeout)
        do {
            try context.setTimeout(configuration.commandTimeout)
            context.enableKeepAlive()
            try handshake(context)
        } catch let error as RedisError where error.code != .connectionFailed {
            throw RedisError(
                code: .connectionFailed, message: "\(configuration.endpoint): \(error.message)", cause: error)
        }
        self.context = context
        socket.attach(context.fileDescriptor)
        logger.debug("redis connection opened")
    }

    /// `AUTH` and `SELECT`, as the configuration asks.
    private func handshake(_ context: RedisContext) throws {
        if let password = configuration.password {
            let credentials = [configuration.username, password].compactMap { $0 }.map { RESPArgument($0) }
            try expectOK(context.command(["AUTH"] + credentials), "AUTH")
        }
        if configuration.database != 0 {
            try expectOK(context.command(["SELECT", RESPArgument(configuration.database)]), "SELECT")
        }
    }

    private func expectOK(_ reply: RESPValue, _ command: String) throws {
        guard case .simpleString = reply else {
            throw RedisError(
                code: .connectionFailed, message: "\(configuration.endpoint): \(command) failed: \(reply)")
        }
    }
}
