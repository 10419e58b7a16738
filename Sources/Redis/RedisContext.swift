import CHiredis

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one owner of a hiredis `redisContext*`: every blocking call on it, and `redisFree` in `deinit`.
///
/// Deliberately not `Sendable`: a context lives inside one ``RedisConnection`` actor and is only
/// touched on that actor's dedicated thread.
final class RedisContext {
    private let pointer: UnsafeMutablePointer<redisContext>

    private init(owning pointer: UnsafeMutablePointer<redisContext>) {
        self.pointer = pointer
    }

    deinit {
        redisFree(pointer)
    }

    /// Opens a blocking connection; blocks the calling thread for up to `timeout`.
    /// - Throws: ``RedisError`` with code ``RedisError/Code/connectionFailed``.
    static func connect(to endpoint: RedisConfiguration.Endpoint, timeout: Duration) throws -> RedisContext {
        let raw: UnsafeMutablePointer<redisContext>? =
            switch endpoint.kind {
            case .tcp(let host, let port): redisConnectWithTimeout(host, Int32(port), timeout.asTimeval)
            case .unixSocket(let path): redisConnectUnixWithTimeout(path, timeout.asTimeval)
            }
        guard let raw else {
            throw RedisError(code: .connectionFailed, message: "\(endpoint): hiredis could not allocate a context")
        }
        let context = RedisContext(owning: raw)
        if let failure = context.failure {
            throw RedisError(code: .connectionFailed, message: "\(endpoint): \(failure.message)")
        }
        return context
    }

    /// The connected socket; fixed for the context's life.
    var fileDescriptor: Int32 { pointer.pointee.fd }

    /// The error hiredis recorded; once set, the context is unusable.
    var failure: (code: Int32, message: String)? {
        let code = pointer.pointee.err
        guard code != 0 else { return nil }
        let message = withUnsafeBytes(of: pointer.pointee.errstr) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return (code, message)
    }

    /// Sets the socket's send and receive timeout; `.zero` waits forever.
    func setTimeout(_ timeout: Duration) throws {
        guard redisSetTimeout(pointer, timeout.asTimeval) == REDIS_OK else { throw currentError() }
    }

    /// Turns on TCP keep-alive so a silently vanished peer is noticed eventually; a no-op on Unix sockets.
    func enableKeepAlive() {
        _ = redisEnableKeepAlive(pointer)
    }

    /// Sends one command and blocks until its reply arrives.
    func command(_ arguments: [RESPArgument]) throws -> RESPValue {
        let reply = ArgumentVector.with(arguments) { count, values, lengths in
            redisCommandArgv(pointer, count, values, lengths)
        }
        guard let reply else { throw currentError() }
        return RESPValue(consuming: reply)
    }

    /// Queues one command in the output buffer, for ``readReply()`` to flush and answer later.
    func append(_ arguments: [RESPArgument]) throws {
        let status = ArgumentVector.with(arguments) { count, values, lengths in
            redisAppendCommandArgv(pointer, count, values, lengths)
        }
        guard status == REDIS_OK else { throw currentError() }
    }

    /// Flushes queued commands if needed and blocks until the next reply arrives.
    func readReply() throws -> RESPValue {
        var reply: UnsafeMutableRawPointer?
        guard redisGetReply(pointer, &reply) == REDIS_OK else { throw currentError() }
        guard let reply else { throw RedisError(code: .unexpectedReply, message: "hiredis returned no reply") }
        return RESPValue(consuming: reply)
    }

    /// Runs `body` with the socket timeout set to `timeout`, then restores `normal`.
    func withTimeout<Result>(_ timeout: Duration?, restoring normal: Duration, _ body: () throws -> Result) throws
        -> Result
    {
        guard let timeout else { return try body() }
        try setTimeout(timeout)
        let result = try body()
        try setTimeout(normal)
        return result
    }

    /// The context's error as a ``RedisError``; call it right after the failing call, while `errno` holds.
    private func currentError() -> RedisError {
        let savedErrno = errno
        guard let failure else {
            return RedisError(code: .connectionLost, message: "hiredis call failed without an error")
        }
        let code: RedisError.Code =
            switch failure.code {
            case REDIS_ERR_IO where savedErrno == EAGAIN || savedErrno == EWOULDBLOCK: .timedOut
            case REDIS_ERR_PROTOCOL: .protocolError
            default: .connectionLost
            }
        return RedisError(code: code, message: failure.message)
    }
}

@available(*, unavailable)
extension RedisContext: Sendable {}
