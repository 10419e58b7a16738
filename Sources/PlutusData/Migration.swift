import Crypto

/// One versioned step of the schema: SQL run once, in a transaction, and recorded in
/// `plutus_schema_migrations`.
///
/// The SQL is a template: `{users}`, `{accounts}` and the other roles of ``HostTables`` stand for
/// the host app's table names.
public struct Migration: Sendable {
    /// Where a migration applies.
    public enum Scope: Sendable {
        /// Every deployment.
        case always
        /// Only `plutus migrate --standalone`: the host app's own tables, which production does not let Plutus create.
        case standaloneOnly
    }

    public let version: Int
    public let name: String
    public let scope: Scope
    public let sql: String

    public init(version: Int, name: String, scope: Scope, sql: String) {
        self.version = version
        self.name = name
        self.scope = scope
        self.sql = sql
    }

    /// Every migration, oldest first.
    public static let all: [Migration] = [
        .hostTables, .plutusTables, .graphRuns, .idempotencyKeys, .conversationCounts, .sealedStorage,
    ]

    /// SHA-256 of the template, so an applied migration edited afterwards is noticed.
    public var checksum: String {
        SHA256.hash(data: Array(sql.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
