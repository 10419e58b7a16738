import CLibPQ

extension PostgresConnection {
    /// Runs several `;`-separated statements without parameters (the simple-query protocol), as a
    /// migration or other SQL script needs. Outside a transaction block, the server runs the whole
    /// script as one implicit transaction: a failing statement undoes the ones before it.
    /// - Throws: ``PostgresError`` for the first statement that fails.
    public func executeScript(_ sql: String) async throws {
        try Task.checkCancellation()
        let connection = try openConnection(for: [sql])
        defer { refreshState(connection) }
        _ = try PostgresResultReader.rows(from: PQexec(connection, sql), connection: connection)
    }

    /// Streams rows into a table with `COPY ... FROM STDIN`, the fastest way to load many rows.
    ///
    /// - Parameters:
    ///   - statement: the `COPY table (columns) FROM STDIN` statement, in any format it names.
    ///   - chunks: the data, in pieces of any size (lines may span pieces); pulled one at a time so
    ///     a caller can generate millions of rows without holding them all.
    /// - Returns: the number of rows the server loaded.
    /// - Throws: ``PostgresError``: the server's, for a bad row, after which nothing was loaded.
    @discardableResult
    public func copyIn<Chunks: Sequence<[UInt8]>>(_ statement: String, chunks: Chunks) async throws -> Int {
        try Task.checkCancellation()
        let connection = try openConnection(for: [statement])
        defer { refreshState(connection) }
        let start = PQexec(connection, statement)
        guard let start, PQresultStatus(start) == PGRES_COPY_IN else {
            let status = start.map(PQresultStatus)
            if status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH {
                state.markBroken()  // mid-copy in the other direction: not worth rescuing
            }
            // The server's error, if that is what it was; otherwise the statement was not a COPY FROM STDIN.
            _ = try PostgresResultReader.rows(from: start, connection: connection)
            throw PostgresError(code: .invalidQuery, message: "not a COPY ... FROM STDIN statement: \(statement)")
        }
        PQclear(start)
        var failure: String?
        for chunk in chunks where !chunk.isEmpty {
            let sent = chunk.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(connection, $0.baseAddress, Int32($0.count)) }
            }
            guard sent == 1 else {
                failure = Self.errorMessage(of: connection)
                break
            }
            if Task.isCancelled {
                failure = "cancelled"
                break
            }
        }
        guard PQputCopyEnd(connection, failure) == 1 else {
            throw PostgresError(code: .connectionLost, message: Self.errorMessage(of: connection))
        }
        // Every result of the COPY must be read before the connection takes another command.
        var outcome: Result<Int, PostgresError> = .success(0)
        while let result = PQgetResult(connection) {
            do {
                let rows = try PostgresResultReader.rows(from: result, connection: connection)
                if case .success = outcome { outcome = .success(rows.affectedRows) }
            } catch let error as PostgresError {
                outcome = .failure(error)
            }
        }
        if failure == "cancelled" { throw CancellationError() }
        return try outcome.get()
    }
}
