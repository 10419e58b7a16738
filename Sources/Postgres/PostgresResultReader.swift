import CLibPQ

/// Turns a `PGresult` into ``PostgresRows`` or a ``PostgresError``, and frees it.
enum PostgresResultReader {
    static func rows(from result: OpaquePointer?, connection: OpaquePointer) throws -> PostgresRows {
        guard let result else {
            throw PostgresError(
                code: PQstatus(connection) == CONNECTION_OK ? .server : .connectionLost,
                message: PostgresConnection.errorMessage(of: connection))
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY else {
            throw error(from: result, connection: connection)
        }
        return decodeRows(result)
    }

    private static func decodeRows(_ result: OpaquePointer) -> PostgresRows {
        let rowCount = PQntuples(result)
        let columnCount = PQnfields(result)
        var names: [String] = []
        var types: [PostgresDataType] = []
        for column in 0..<columnCount {
            names.append(PQfname(result, column).map { String(cString: $0) } ?? "?column?")
            types.append(PostgresDataType(oid: PQftype(result, column)))
        }
        var fields: [String?] = []
        fields.reserveCapacity(Int(rowCount) * Int(columnCount))
        for row in 0..<rowCount {
            for column in 0..<columnCount {
                fields.append(field(result, row, column))
            }
        }
        let tag = PQcmdStatus(result).map { String(cString: $0) } ?? ""
        let affected = PQcmdTuples(result).flatMap { Int(String(cString: $0)) } ?? Int(rowCount)
        return PostgresRows(
            columns: PostgresColumns(names: names, types: types), commandTag: tag, affectedRows: affected,
            fields: fields)
    }

    private static func field(_ result: OpaquePointer, _ row: Int32, _ column: Int32) -> String? {
        guard PQgetisnull(result, row, column) == 0, let value = PQgetvalue(result, row, column) else { return nil }
        let length = Int(PQgetlength(result, row, column))
        return value.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
        }
    }

    private static func error(from result: OpaquePointer, connection: OpaquePointer) -> PostgresError {
        func field(_ code: UInt8) -> String? {
            PQresultErrorField(result, Int32(code)).map { String(cString: $0) }
        }
        let message =
            field(UInt8(ascii: "M"))
            ?? PQresultErrorMessage(result).map { String(cString: $0).trimmingTrailingNewlines() }
            ?? "unknown error"
        return PostgresError(
            code: PQstatus(connection) == CONNECTION_OK ? .server : .connectionLost,
            message: message.isEmpty ? PostgresConnection.errorMessage(of: connection) : message,
            sqlState: field(UInt8(ascii: "C")),
            detail: field(UInt8(ascii: "D"))
        )
    }
}
