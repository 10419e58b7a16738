public import Redis

/// An event the host app appends to `wealthify:events` when a user's financial data changes.
public struct AccountEvent: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case accountConnected = "account_connected"
        case transactionCategorized = "transaction_categorized"
        case balanceUpdated = "balance_updated"
        case goalUpdated = "goal_updated"
    }

    public let kind: Kind
    public let userID: String

    /// Reads an entry's `type` and `user_id` fields.
    /// - Throws: ``MalformedEvent`` saying what is wrong, for the dead-letter stream.
    public init(_ entry: RedisStreamEntry) throws {
        guard !entry.fields.isEmpty else { throw MalformedEvent("the entry has no fields (deleted from the stream)") }
        guard let type = entry.string("type"), !type.isEmpty else { throw MalformedEvent("no `type` field") }
        guard let kind = Kind(rawValue: type) else {
            throw MalformedEvent(
                "unknown type '\(type.prefix(64))': expected one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let userID = entry.string("user_id"), !userID.isEmpty else { throw MalformedEvent("no `user_id` field") }
        guard userID.isUUID else { throw MalformedEvent("user_id '\(userID.prefix(64))' is not a UUID") }
        self.kind = kind
        self.userID = userID.lowercased()
    }
}

/// Why an event cannot be applied however often it is retried.
public struct MalformedEvent: Error, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
