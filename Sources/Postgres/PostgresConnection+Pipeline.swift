import CLibPQ

extension PostgresConnection {
    /// Sends `queries` together and reads their results in one round trip (libpq's pipeline mode),
    /// where running them one after another costs a round trip each.
    ///
    /// The statements run in order; outside a transaction block they form one implicit
    /// transaction, and a `BEGIN` among them starts an explicit one as usual. When one fails,
    /// the ones after it are not run, and the call throws the first failure.
    /// - Returns: each query's rows, in order.
    /// - Throws: ``PostgresError``, or `CancellationError` if the task was cancelled.
    public func pipeline(_ queries: [PostgresQuery]) async throws -> [PostgresRows] {
        try Task.checkCancellation()
        guard !queries.isEmpty else { return [] }
        let operation = state.beginOperation()
        defer { state.endOperation() }
        do {
            // The body names this actor's own method, so it runs on the connection's thread; a
            // shared helper taking a closure ran it on a pool thread instead, blocking it in libpq.
            return try await withTaskCancellationHandler {
                try runPipeline(queries)
            } onCancel: { [state] in
                state.requestCancel(of: operation)
            }
        } catch let error as PostgresError where error.sqlState == PostgresError.queryCanceled && Task.isCancelled {
            throw CancellationError()
        }
    }

    /// What was sent for one query, so its results are read in the same order.
    private enum Sent {
        /// A statement prepared ahead of its first run (its one result says whether it worked).
        case prepare(PreparedStatementKey, name: String)
        case query
    }

    private func runPipeline(_ queries: [PostgresQuery]) throws -> [PostgresRows] {
        let connection = try openConnection(for: queries.map(\.sql))
        let parameters = try queries.map { try PostgresParameters($0.bindings) }
        defer { refreshState(connection) }
        guard PQenterPipelineMode(connection) == 1 else {
            throw PostgresError(code: .server, message: Self.errorMessage(of: connection))
        }
        var sent: [Sent] = []
        var sendFailure: PostgresError?
        for (query, parameters) in zip(queries, parameters) {
            let key = PreparedStatementKey(sql: query.sql, types: query.bindings.map(\.type))
            var name = preparedStatements[key]
            if name == nil, let newName = nextStatementName() {
                guard PQsendPrepare(connection, newName, query.sql, parameters.count, parameters.types) == 1 else {
                    sendFailure = PostgresError(code: .connectionLost, message: Self.errorMessage(of: connection))
                    break
                }
                sent.append(.prepare(key, name: newName))
                name = newName
            }
            let accepted = parameters.withValuePointers { values in
                if let name {
                    return PQsendQueryPrepared(
                        connection, name, parameters.count, values, parameters.lengths, parameters.formats, 0)
                }
                return PQsendQueryParams(
                    connection, query.sql, parameters.count, parameters.types, values, parameters.lengths,
                    parameters.formats, 0)
            }
            guard accepted == 1 else {
                sendFailure = PostgresError(code: .connectionLost, message: Self.errorMessage(of: connection))
                break
            }
            sent.append(.query)
        }
        guard sendFailure == nil, PQpipelineSync(connection) == 1 else {
            state.markBroken()  // part of a pipeline is out: the connection cannot be trusted again
            throw sendFailure ?? PostgresError(code: .connectionLost, message: Self.errorMessage(of: connection))
        }
        // Read every result up to the sync, whatever fails, so the connection is left clean.
        var rows: [PostgresRows] = []
        var failure: (any Error)?
        for step in sent {
            while let result = PQgetResult(connection) {
                let status = PQresultStatus(result)
                if status == PGRES_PIPELINE_ABORTED {
                    PQclear(result)
                    continue
                }
                do {
                    let read = try PostgresResultReader.rows(from: result, connection: connection)
                    switch step {
                    case .prepare(let key, let name): preparedStatements[key] = name
                    case .query: rows.append(read)
                    }
                } catch {
                    failure = failure ?? error
                }
            }
        }
        let sync = PQgetResult(connection)
        let synced = sync.map { PQresultStatus($0) == PGRES_PIPELINE_SYNC } ?? false
        PQclear(sync)
        guard synced, PQexitPipelineMode(connection) == 1 else {
            state.markBroken()
            throw failure ?? PostgresError(code: .connectionLost, message: Self.errorMessage(of: connection))
        }
        if let failure {
            if let error = failure as? PostgresError, error.isStalePreparedStatement {
                preparedStatements.removeAll()  // plans made before a schema change: prepare afresh next time
            }
            throw failure
        }
        guard rows.count == queries.count else {
            throw PostgresError(code: .server, message: "the pipeline answered \(rows.count) of \(queries.count) queries")
        }
        return rows
    }
}
