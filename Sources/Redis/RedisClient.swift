import BridgeSupport
public import Logging
import Synchronization

/// A Redis client: a small pool of blocking hiredis connections, each on its own thread.
///
/// Share one client across the process; it is `Sendable` and every method may be called
/// concurrently. Calls borrow a connection for their duration, so at most
/// ``RedisConfiguration/poolSize`` commands (and threads) are in flight at once; others wait up
/// to ``RedisConfiguration/acquireTimeout``. A connection that broke — the server restarted,
/// a command timed out or was cancelled — is replaced on its next use, so the client recovers
/// without being recreated.
///
/// ```swift
/// let redis = try RedisClient(url: "redis://127.0.0.1:6379/0", logger: logger)
/// try await redis.set("greeting", to: "hello", ttl: .seconds(3600))
/// let value = try await redis.getString("greeting")
/// await redis.shutdown()
/// ```
public final class RedisClient: Sendable {
    /// What the client was created with.
    public let configuration: RedisConfiguration
    let logger: Logger
    private let pool: ConnectionPool<RedisConnection>

    /// Creates a client; no connection is opened until the first command.
    /// - Parameters:
    ///   - configuration: where to connect and how long to wait.
    ///   - logger: the caller's logger; the client adds `redis.*` metadata.
    public init(configuration: RedisConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        let poolConfiguration = ConnectionPool<RedisConnection>.Configuration(
            maximumConnections: configuration.poolSize, acquireTimeout: configuration.acquireTimeout)
        let ids = ConnectionIDs()
        self.pool = ConnectionPool(configuration: poolConfiguration) {
            try await RedisConnection.open(id: ids.next(), configuration: configuration, logger: logger)
        }
    }

    /// Creates a client from a `redis://` or `unix://` URL with default pool size and timeouts.
    /// - Throws: ``RedisError`` with code ``RedisError/Code/invalidURL``.
    public convenience init(url: String, logger: Logger) throws {
        try self.init(configuration: RedisConfiguration(url: url), logger: logger)
    }

    /// Closes idle connections now and busy ones as their commands finish; later calls fail with
    /// ``RedisError/Code/shutDown``.
    public func shutdown() async {
        await pool.shutdown()
    }

    /// Lends a pooled connection to `body`, translating the pool's errors into ``RedisError``.
    func withConnection<Result: Sendable>(
        _ body: @Sendable (RedisConnection) async throws -> Result
    ) async throws -> Result {
        do {
            return try await pool.withConnection(body)
        } catch let error as ConnectionPoolError {
            let code: RedisError.Code = error.code == .timedOut ? .timedOut : .shutDown
            throw RedisError(code: code, message: error.message, cause: error)
        }
    }
}

/// Numbers connections for logs and thread names.
private final class ConnectionIDs: Sendable {
    private let last = Atomic<Int>(0)

    func next() -> Int {
        last.add(1, ordering: .relaxed).newValue
    }
}
