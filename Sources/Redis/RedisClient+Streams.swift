extension RedisClient {
    /// Appends an entry to `stream` (`XADD`), creating the stream if needed.
    /// - Parameters:
    ///   - id: the entry ID; `*` lets the server choose.
    ///   - fields: the entry's fields, in order.
    ///   - maxLength: trims the stream to about this many entries (`MAXLEN ~ n`), or exactly with
    ///     `approximateTrim: false`; approximate trimming is much cheaper.
    /// - Returns: the entry's ID.
    @discardableResult
    public func xadd(
        _ stream: String, id: String = "*", fields: [(String, RESPArgument)],
        maxLength: Int? = nil, approximateTrim: Bool = true
    ) async throws -> String {
        guard !fields.isEmpty else { throw RedisError(code: .invalidCommand, message: "XADD needs at least one field") }
        var command: [RESPArgument] = ["XADD", RESPArgument(stream)]
        if let maxLength { command += ["MAXLEN", approximateTrim ? "~" : "=", RESPArgument(maxLength)] }
        command.append(RESPArgument(id))
        command += fields.flatMap { [RESPArgument($0.0), $0.1] }
        return try await send(command).expect(\.string, from: "XADD")
    }

    /// Appends an entry to `stream` (`XADD`); fields as a literal: `fields: ["kind": "deposit", "amount": "12"]`.
    @discardableResult
    public func xadd(
        _ stream: String, id: String = "*", fields: KeyValuePairs<String, RESPArgument>,
        maxLength: Int? = nil, approximateTrim: Bool = true
    ) async throws -> String {
        let ordered = fields.map { ($0.key, $0.value) }
        return try await xadd(stream, id: id, fields: ordered, maxLength: maxLength, approximateTrim: approximateTrim)
    }

    /// Creates consumer group `group` on `stream` (`XGROUP CREATE ... MKSTREAM`); an existing group is fine.
    /// - Parameter id: where the group starts reading: `$` for new entries only, `0` for the whole stream.
    /// - Returns: `false` if the group already existed (`BUSYGROUP`).
    @discardableResult
    public func xgroupCreate(
        _ stream: String, group: String, startingAt id: String = "$", makeStream: Bool = true
    ) async throws -> Bool {
        var command: [RESPArgument] = ["XGROUP", "CREATE", RESPArgument(stream), RESPArgument(group), RESPArgument(id)]
        if makeStream { command.append("MKSTREAM") }
        do {
            _ = try await send(command)
            return true
        } catch let error as RedisError where error.serverErrorPrefix == "BUSYGROUP" {
            return false
        }
    }

    /// Reads entries of `stream` for `consumer` in `group` (`XREADGROUP`).
    /// - Parameters:
    ///   - id: `>` for entries never delivered to the group; an ID such as `0` for this consumer's
    ///     own pending entries after that ID.
    ///   - count: the most entries to return.
    ///   - block: with `>`, how long to wait for new entries (`.zero`: forever). The command timeout
    ///     is extended by this much for the call, so the wait is not cut short.
    ///   - noAck: add entries without tracking them as pending (`NOACK`).
    /// - Returns: the entries; empty when `block` ran out.
    public func xreadgroup(
        group: String, consumer: String, stream: String, id: String = ">",
        count: Int? = nil, block: Duration? = nil, noAck: Bool = false
    ) async throws -> [RedisStreamEntry] {
        let batches = try await xreadgroup(
            group: group, consumer: consumer, streams: [(stream, id)], count: count, block: block, noAck: noAck)
        return batches[stream] ?? []
    }

    /// Reads entries of several streams for `consumer` in `group` (`XREADGROUP ... STREAMS k1 k2 id1 id2`).
    /// - Returns: the entries per stream that had any; empty when `block` ran out.
    public func xreadgroup(
        group: String, consumer: String, streams: [(name: String, id: String)],
        count: Int? = nil, block: Duration? = nil, noAck: Bool = false
    ) async throws -> [String: [RedisStreamEntry]] {
        var command: [RESPArgument] = ["XREADGROUP", "GROUP", RESPArgument(group), RESPArgument(consumer)]
        if let count { command += ["COUNT", RESPArgument(count)] }
        if let block { command += ["BLOCK", RESPArgument(block.wholeMilliseconds)] }
        if noAck { command.append("NOACK") }
        command += ["STREAMS"] + streams.map { RESPArgument($0.name) } + streams.map { RESPArgument($0.id) }
        let readTimeout = block.map { $0 == .zero ? Duration.zero : $0 + configuration.commandTimeout }
        return try await Self.streamBatches(send(command, readTimeout: readTimeout))
    }

    /// Acknowledges entries of `stream` for `group` (`XACK`), removing them from the pending list.
    /// - Returns: how many were pending.
    @discardableResult
    public func xack(_ stream: String, group: String, ids: [String]) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        let command: [RESPArgument] =
            ["XACK", RESPArgument(stream), RESPArgument(group)] + ids.map { RESPArgument($0) }
        return try await Int(send(command).expect(\.int, from: "XACK"))
    }

    /// Takes over entries pending for longer than `minIdleTime` in `group`, for `consumer` (`XAUTOCLAIM`):
    /// how a consumer recovers work that a crashed one read but never acknowledged.
    /// - Parameters:
    ///   - start: where to scan the pending list from; pass the previous result's `nextStart` to continue.
    ///   - count: the most entries to claim (the server's default is 100).
    public func xautoclaim(
        _ stream: String, group: String, consumer: String, minIdleTime: Duration,
        start: String = "0-0", count: Int? = nil
    ) async throws -> RedisAutoclaimResult {
        var command: [RESPArgument] = [
            "XAUTOCLAIM", RESPArgument(stream), RESPArgument(group), RESPArgument(consumer),
            RESPArgument(minIdleTime.wholeMilliseconds), RESPArgument(start),
        ]
        if let count { command += ["COUNT", RESPArgument(count)] }
        return try await RedisAutoclaimResult(reply: send(command))
    }

    /// The entries of `stream` from `start` to `end`, oldest first (`XRANGE`); `-` and `+` are the ends.
    public func xrange(_ stream: String, from start: String = "-", to end: String = "+", count: Int? = nil) async throws
        -> [RedisStreamEntry]
    {
        var command: [RESPArgument] = ["XRANGE", RESPArgument(stream), RESPArgument(start), RESPArgument(end)]
        if let count { command += ["COUNT", RESPArgument(count)] }
        return try await RedisStreamEntry.list(send(command))
    }

    /// What `group` has read from `stream` but not acknowledged (`XPENDING` summary form).
    public func xpending(_ stream: String, group: String) async throws -> RedisPendingSummary {
        try await RedisPendingSummary(reply: send(["XPENDING", RESPArgument(stream), RESPArgument(group)]))
    }

    /// Decodes `[[stream, [entry, ...]], ...]`, or nil when a blocking read timed out.
    private static func streamBatches(_ reply: RESPValue) throws -> [String: [RedisStreamEntry]] {
        guard !reply.isNull else { return [:] }
        var batches: [String: [RedisStreamEntry]] = [:]
        for batch in try reply.expect(\.array, from: "XREADGROUP") {
            guard let parts = batch.array, parts.count == 2, let name = parts[0].string else {
                throw RedisError(code: .unexpectedReply, message: "XREADGROUP replied \(batch)")
            }
            batches[name, default: []] += try RedisStreamEntry.list(parts[1])
        }
        return batches
    }
}
