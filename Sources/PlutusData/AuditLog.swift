public import Postgres

/// Appends to `plutus_audit_log`: who (`actor`) did what (`action`) for which user, with a JSON
/// detail per entry.
public struct AuditLog: Sendable {
    private let client: PostgresClient

    public init(client: PostgresClient) {
        self.client = client
    }

    /// Records one entry per detail, all in one statement.
    public func record<Detail: Codable & Sendable>(
        userID: String, actor: String, action: String, details: [Detail]
    ) async throws {
        guard !details.isEmpty else { return }
        try await client.query(
            """
            INSERT INTO plutus_audit_log (user_id, actor, action, detail)
            SELECT \(userID)::uuid, \(actor), \(action), entry
            FROM jsonb_array_elements(\(PostgresJSONB(details))) AS entry
            """)
    }
}
