/// One entry of a consumer group's pending list (`XPENDING` extended form).
public struct RedisPendingEntry: Sendable, Hashable {
    public var id: String
    /// The consumer that holds it.
    public var consumer: String
    /// How long since it was last delivered.
    public var idle: Duration
    /// How many times it has been delivered: more than once means a consumer failed on it before.
    public var deliveries: Int

    public init(id: String, consumer: String, idle: Duration, deliveries: Int) {
        self.id = id
        self.consumer = consumer
        self.idle = idle
        self.deliveries = deliveries
    }

    /// Decodes `[[id, consumer, idle-ms, deliveries], ...]`.
    static func list(_ reply: RESPValue) throws -> [RedisPendingEntry] {
        try reply.expect(\.array, from: "XPENDING").map { entry in
            guard let parts = entry.array, parts.count == 4, let id = parts[0].string, let consumer = parts[1].string,
                let idle = parts[2].int, let deliveries = parts[3].int
            else { throw RedisError(code: .unexpectedReply, message: "XPENDING entry \(entry)") }
            return RedisPendingEntry(id: id, consumer: consumer, idle: .milliseconds(idle), deliveries: Int(deliveries))
        }
    }
}

extension RedisClient {
    /// The pending entries of `group` idle for at least `minIdleTime`, oldest first (`XPENDING ... IDLE`).
    public func xpendingEntries(
        _ stream: String, group: String, minIdleTime: Duration = .zero, count: Int = 100
    ) async throws -> [RedisPendingEntry] {
        try await RedisPendingEntry.list(
            send([
                "XPENDING", RESPArgument(stream), RESPArgument(group), "IDLE", RESPArgument(minIdleTime.wholeMilliseconds),
                "-", "+", RESPArgument(count),
            ]))
    }

    /// Takes entries `ids` of `group` for `consumer` if still idle for `minIdleTime` (`XCLAIM`),
    /// which counts as another delivery. Entries deleted from the stream meanwhile come back
    /// with no fields.
    public func xclaim(
        _ stream: String, group: String, consumer: String, minIdleTime: Duration, ids: [String]
    ) async throws -> [RedisStreamEntry] {
        guard !ids.isEmpty else { return [] }
        let command: [RESPArgument] =
            [
                "XCLAIM", RESPArgument(stream), RESPArgument(group), RESPArgument(consumer),
                RESPArgument(minIdleTime.wholeMilliseconds),
            ] + ids.map { RESPArgument($0) }
        let reply = try await send(command).expect(\.array, from: "XCLAIM")
        // A claimed entry that was deleted from the stream is nil in Redis 7.0's reply.
        return try reply.filter { !$0.isNull }.map(RedisStreamEntry.init(reply:))
    }
}
