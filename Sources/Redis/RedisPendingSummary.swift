/// The summary form of `XPENDING`: what a consumer group has read but not acknowledged.
public struct RedisPendingSummary: Sendable, Hashable {
    /// How many entries are pending.
    public var count: Int
    /// The smallest and largest pending IDs; `nil` when nothing is pending.
    public var smallestID: String?
    public var largestID: String?
    /// Pending entries per consumer that has any.
    public var consumers: [String: Int]

    public init(count: Int, smallestID: String?, largestID: String?, consumers: [String: Int]) {
        self.count = count
        self.smallestID = smallestID
        self.largestID = largestID
        self.consumers = consumers
    }

    /// Decodes `[count, smallest, largest, [[consumer, count], ...]]`.
    init(reply: RESPValue) throws {
        let parts = try reply.expect(\.array, from: "XPENDING")
        guard parts.count == 4 else { throw RedisError(code: .unexpectedReply, message: "XPENDING replied \(reply)") }
        self.count = try Int(parts[0].expect(\.int, from: "XPENDING"))
        self.smallestID = parts[1].string
        self.largestID = parts[2].string
        var consumers: [String: Int] = [:]
        for consumer in parts[3].array ?? [] {
            guard let pair = consumer.array, pair.count == 2, let name = pair[0].string, let count = pair[1].int else {
                throw RedisError(code: .unexpectedReply, message: "XPENDING consumer \(consumer)")
            }
            consumers[name] = Int(count)
        }
        self.consumers = consumers
    }
}
