/// What `XAUTOCLAIM` returns: the entries now owned by the claiming consumer, and where to continue.
public struct RedisAutoclaimResult: Sendable, Hashable {
    /// The ID to pass as `start` to continue the scan; `0-0` when it has covered the whole list.
    public var nextStart: String
    /// The entries claimed.
    public var entries: [RedisStreamEntry]
    /// IDs that were pending but no longer exist in the stream; the server removed them from the list.
    public var deletedIDs: [String]

    public init(nextStart: String, entries: [RedisStreamEntry], deletedIDs: [String]) {
        self.nextStart = nextStart
        self.entries = entries
        self.deletedIDs = deletedIDs
    }

    /// Decodes `[next, [entries...], [deleted ids...]]` (Redis 7; Redis 6.2 sends no third element).
    init(reply: RESPValue) throws {
        let parts = try reply.expect(\.array, from: "XAUTOCLAIM")
        guard parts.count >= 2 else {
            throw RedisError(code: .unexpectedReply, message: "XAUTOCLAIM replied \(reply)")
        }
        self.nextStart = try parts[0].expect(\.string, from: "XAUTOCLAIM")
        self.entries = try RedisStreamEntry.list(parts[1])
        self.deletedIDs =
            try parts.count > 2
            ? parts[2].expect(\.array, from: "XAUTOCLAIM").map {
                try $0.expect(\.string, from: "XAUTOCLAIM")
            } : []
    }
}
