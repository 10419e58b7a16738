import Foundation

/// Where the host app keeps the tables Plutus reads: users, accounts, balances, goals, holdings
/// and transactions.
///
/// In production the host app owns these tables and may name them as it likes; every query and
/// migration that touches them takes its names from here, so pointing Plutus at other tables
/// is one setting: `PLUTUS_HOST_TABLES=users=app.customers,transactions=ledger_entries`.
public struct HostTables: Sendable, Equatable {
    public var users: TableName = "users"
    public var accounts: TableName = "accounts"
    public var accountBalances: TableName = "account_balances"
    public var financialGoals: TableName = "financial_goals"
    public var portfolioHoldings: TableName = "portfolio_holdings"
    public var transactions: TableName = "transactions"

    /// The standard names.
    public init() {}

    /// The standard names with the overrides of `PLUTUS_HOST_TABLES`: comma-separated
    /// `role=[schema.]table` pairs, roles as in ``roles``. Empty means no overrides.
    /// - Throws: ``DataConfigurationError`` naming the pair that is not valid.
    public init(overrides: String) throws {
        for pair in overrides.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, Self.roles.contains(parts[0]) else {
                throw DataConfigurationError(
                    "PLUTUS_HOST_TABLES: '\(pair)' is not role=table, with role one of \(Self.roles.joined(separator: ", "))")
            }
            self[role: parts[0]] = try TableName(validating: parts[1])
        }
    }

    /// The roles, by the names `PLUTUS_HOST_TABLES` and SQL templates use.
    public static let roles = [
        "users", "accounts", "account_balances", "financial_goals", "portfolio_holdings", "transactions",
    ]

    /// The table playing `role` (one of ``roles``).
    public subscript(role role: String) -> TableName {
        get {
            switch role {
            case "users": users
            case "accounts": accounts
            case "account_balances": accountBalances
            case "financial_goals": financialGoals
            case "portfolio_holdings": portfolioHoldings
            case "transactions": transactions
            default: preconditionFailure("not a host table role: \(role)")
            }
        }
        set {
            switch role {
            case "users": users = newValue
            case "accounts": accounts = newValue
            case "account_balances": accountBalances = newValue
            case "financial_goals": financialGoals = newValue
            case "portfolio_holdings": portfolioHoldings = newValue
            case "transactions": transactions = newValue
            default: preconditionFailure("not a host table role: \(role)")
            }
        }
    }

    /// Replaces `{users}`, `{accounts}`, ... in `sql` with the quoted table names.
    public func render(_ sql: String) -> String {
        var rendered = sql
        for role in Self.roles {
            rendered = rendered.replacingOccurrences(of: "{\(role)}", with: self[role: role].sql)
        }
        return rendered
    }
}

/// A table name, optionally schema-qualified, checked to be a plain SQL identifier so it can be
/// written into SQL text.
public struct TableName: Sendable, Equatable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name's parts: `[table]` or `[schema, table]`.
    public let parts: [String]

    /// - Throws: ``DataConfigurationError`` unless `name` is `table` or `schema.table` made of
    ///   lowercase letters, digits and underscores, not starting with a digit.
    public init(validating name: String) throws {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), parts.allSatisfy(Self.isPlainIdentifier) else {
            throw DataConfigurationError("'\(name)' is not a table name: use table or schema.table, in [a-z0-9_]")
        }
        self.parts = parts
    }

    public init(stringLiteral value: String) {
        self.parts = value.split(separator: ".").map(String.init)
    }

    /// The name as SQL: each part double-quoted.
    public var sql: String { parts.map { "\"\($0)\"" }.joined(separator: ".") }

    public var description: String { parts.joined(separator: ".") }

    private static func isPlainIdentifier(_ part: String) -> Bool {
        guard let first = part.utf8.first, part.utf8.count <= 63, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else { return false }
        return part.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }
}

/// A data setting (environment or flag) that cannot be used, with the reason.
public struct DataConfigurationError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
