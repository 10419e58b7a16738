public import BridgeSupport
import CLibPQ
public import Logging

/// One connection to PostgreSQL, with a thread of its own.
///
/// Every method runs on the connection's dedicated thread (its actor executor is a
/// ``ThreadExecutor``), so libpq's blocking calls never stall the cooperative pool or an event
/// loop, and the `PGconn` is only ever touched by that thread. Get connections from a
/// ``PostgresClient``, which pools them.
public actor PostgresConnection: PooledConnection {
    private let executor: ThreadExecutor
    let state = PostgresConnectionState()
    let statementCacheSize: Int
    private(set) var handle: LibPQConnectionHandle?
    var preparedStatements: [PreparedStatementKey: String] = [:]
    var preparedStatementCount = 0
    let logger: Logger

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    private init(executor: ThreadExecutor, statementCacheSize: Int, logger: Logger) {
        self.executor = executor
        self.statementCacheSize = statementCacheSize
        self.logger = logger
    }

    deinit { executor.shutdown() }

    /// Opens a connection on a new thread.
    /// - Throws: ``PostgresError`` `.connectionFailed` with libpq's reason.
    public static func connect(configuration: PostgresConfiguration, logger: Logger) async throws -> PostgresConnection {
        let connection = PostgresConnection(
            executor: ThreadExecutor(name: "plutus-pg"),
            statementCacheSize: configuration.preparedStatementCacheSize,
            logger: logger
        )
        try await connection.open(configuration)
        return connection
    }

    public nonisolated var isReusable: Bool { state.isReusable }

    /// Closes the connection; later calls throw ``PostgresError`` `.connectionLost`.
    /// The thread ends when the connection is released.
    public func close() {
        state.markBroken()
        handle = nil
        preparedStatements.removeAll()
    }

    /// Runs one statement and returns its rows.
    ///
    /// Cancelling the calling task asks the server to cancel the statement; the call then throws
    /// `CancellationError`, and the connection is retired rather than lent again.
    /// - Throws: ``PostgresError`` (with the server's SQLSTATE for `.server`), or `CancellationError`.
    @discardableResult
    public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        try Task.checkCancellation()
        let operation = state.beginOperation()
        defer { state.endOperation() }
        do {
            return try await withTaskCancellationHandler {
                try run(query)
            } onCancel: { [state] in
                state.requestCancel(of: operation)
            }
        } catch let error as PostgresError where error.sqlState == PostgresError.queryCanceled && Task.isCancelled {
            throw CancellationError()
        }
    }

    /// Runs `body` inside `BEGIN`/`COMMIT`; rolls back when `body` throws or the task is cancelled.
    public func withTransaction<Result: Sendable>(
        _ body: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await query("BEGIN")
        do {
            let result = try await body(self)
            try await query("COMMIT")
            return result
        } catch {
            rollBack()
            throw error
        }
    }

    // MARK: - Opening

    private func open(_ configuration: PostgresConfiguration) throws {
        let parameters = configuration.connectionParameters
        let pointer = withArrayOfCStrings(parameters.map(\.keyword)) { keywords in
            withArrayOfCStrings(parameters.map(\.value)) { values in
                PQconnectdbParams(keywords, values, 1)
            }
        }
        guard let pointer else {
            throw PostgresError(code: .connectionFailed, message: "out of memory")
        }
        let handle = LibPQConnectionHandle(pointer)
        guard PQstatus(pointer) == CONNECTION_OK else {
            throw PostgresError(code: .connectionFailed, message: Self.errorMessage(of: pointer))
        }
        // libpq prints notices (such as "there is no transaction in progress") to stderr by default.
        PQsetNoticeProcessor(pointer, { _, _ in }, nil)
        self.handle = handle
        try run("SET TIME ZONE 'UTC'")
        try run("SET DateStyle TO 'ISO, MDY'")
        state.connected(socket: PQsocket(pointer), cancelToken: LibPQCancelToken(pointer))
        logger.debug("postgres connection opened", metadata: ["postgres.backend_pid": "\(PQbackendPID(pointer))"])
    }

    static func errorMessage(of connection: OpaquePointer) -> String {
        guard let message = PQerrorMessage(connection) else { return "unknown error" }
        return String(cString: message).trimmingTrailingNewlines()
    }

    /// `ROLLBACK` that runs even when the task is cancelled; a connection it fails on is retired.
    private func rollBack() {
        do {
            try run("ROLLBACK")
        } catch {
            state.markBroken()
            logger.warning("postgres rollback failed", metadata: ["postgres.error": "\(error)"])
        }
    }
}

extension PostgresConnection {
    /// Identifies a prepared statement: the same SQL with other parameter types is another statement.
    struct PreparedStatementKey: Hashable {
        let sql: String
        let types: [PostgresDataType]
    }

    /// Runs `query` synchronously on this connection's thread.
    @discardableResult
    func run(_ query: PostgresQuery) throws -> PostgresRows {
        let connection = try openConnection(for: [query.sql])
        let parameters = try PostgresParameters(query.bindings)
        defer { refreshState(connection) }
        do {
            return try execute(query, parameters, on: connection)
        } catch let error as PostgresError where error.isStalePreparedStatement && PQtransactionStatus(connection) == PQTRANS_IDLE {
            // The schema changed under a cached plan: forget it and run the statement afresh.
            preparedStatements[PreparedStatementKey(sql: query.sql, types: query.bindings.map(\.type))] = nil
            return try execute(query, parameters, on: connection)
        }
    }

    private func execute(_ query: PostgresQuery, _ parameters: PostgresParameters, on connection: OpaquePointer) throws
        -> PostgresRows
    {
        let statement = try preparedStatementName(for: query, parameters, on: connection)
        let result = parameters.withValuePointers { values in
            if let statement {
                return PQexecPrepared(
                    connection, statement, parameters.count, values, parameters.lengths, parameters.formats, 0)
            }
            return PQexecParams(
                connection, query.sql, parameters.count, parameters.types, values, parameters.lengths,
                parameters.formats, 0)
        }
        return try PostgresResultReader.rows(from: result, connection: connection)
    }

    /// The name of a prepared statement for `query`, preparing it on first use; `nil` once the
    /// cache is full (the statement then runs unprepared).
    private func preparedStatementName(
        for query: PostgresQuery, _ parameters: PostgresParameters, on connection: OpaquePointer
    ) throws -> String? {
        let key = PreparedStatementKey(sql: query.sql, types: query.bindings.map(\.type))
        if let name = preparedStatements[key] { return name }
        guard let name = nextStatementName() else { return nil }
        let result = PQprepare(connection, name, query.sql, parameters.count, parameters.types)
        _ = try PostgresResultReader.rows(from: result, connection: connection)
        preparedStatements[key] = name
        return name
    }

    /// A name for the next prepared statement, or `nil` once the cache is full.
    func nextStatementName() -> String? {
        guard preparedStatements.count < statementCacheSize else { return nil }
        preparedStatementCount += 1
        return "plutus_\(preparedStatementCount)"
    }

    /// The open `PGconn`, after checking that no statement in `sql` holds a NUL byte (libpq
    /// would cut it short there).
    /// - Throws: ``PostgresError`` `.connectionLost` when closed, `.invalidQuery` for a NUL.
    func openConnection(for sql: [String]) throws -> OpaquePointer {
        guard let connection = handle?.pointer else {
            throw PostgresError(code: .connectionLost, message: "connection is closed")
        }
        guard !sql.contains(where: { $0.utf8.contains(0) }) else {
            throw PostgresError(code: .invalidQuery, message: "the SQL text contains a NUL byte")
        }
        return connection
    }

    func refreshState(_ connection: OpaquePointer) {
        state.update(
            isBroken: PQstatus(connection) != CONNECTION_OK,
            isInTransaction: PQtransactionStatus(connection) != PQTRANS_IDLE
        )
    }
}
