public import BridgeSupport
public import Logging

/// The way into PostgreSQL: a pool of ``PostgresConnection``s that reconnects after a server restart.
///
/// ```swift
/// let client = try PostgresClient(configuration: .init(url: databaseURL), logger: logger)
/// let rows = try await client.query("SELECT name FROM users WHERE id = \(id)")
/// let name = try rows.first?.decode("name", as: String.self)
/// ```
public final class PostgresClient: Sendable {
    public let configuration: PostgresConfiguration
    private let pool: ConnectionPool<PostgresConnection>

    public init(configuration: PostgresConfiguration, logger: Logger) {
        self.configuration = configuration
        self.pool = ConnectionPool(
            configuration: .init(
                maximumConnections: configuration.maximumConnections, acquireTimeout: configuration.acquireTimeout)
        ) {
            try await PostgresConnection.connect(configuration: configuration, logger: logger)
        }
    }

    /// Runs one statement on a pooled connection.
    @discardableResult
    public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        try await pool.withConnection { try await $0.query(query) }
    }

    /// Runs `queries` together on one pooled connection, in one round trip (see
    /// ``PostgresConnection/pipeline(_:)``).
    @discardableResult
    public func pipeline(_ queries: [PostgresQuery]) async throws -> [PostgresRows] {
        try await pool.withConnection { try await $0.pipeline(queries) }
    }

    /// Lends `body` one connection for several statements.
    public func withConnection<Result: Sendable>(
        _ body: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await pool.withConnection(body)
    }

    /// Runs `body` in a transaction on one pooled connection; rolls back when it throws or is cancelled.
    public func withTransaction<Result: Sendable>(
        _ body: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await pool.withConnection { try await $0.withTransaction(body) }
    }

    /// The pool's size now: open, idle and waiting.
    public var poolStatistics: ConnectionPool<PostgresConnection>.Statistics {
        get async { await pool.statistics }
    }

    /// Closes every connection; calls after this fail.
    public func shutdown() async {
        await pool.shutdown()
    }
}
