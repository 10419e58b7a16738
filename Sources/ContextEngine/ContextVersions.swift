import Foundation
public import PlutusData
public import PlutusWire
public import Postgres

/// The versions of users' contexts in `plutus_user_context`, and the changes that make them.
///
/// Every write takes a per-user advisory lock for its transaction, so versions of one user are
/// numbered one after another without gaps, and a change and the snapshot it produces commit
/// together.
public struct ContextVersions: Sendable {
    private let client: PostgresClient
    private let builder: ContextBuilder
    private let cipher: DataCipher

    public init(client: PostgresClient, builder: ContextBuilder, cipher: DataCipher) {
        self.client = client
        self.builder = builder
        self.cipher = cipher
    }

    /// Builds the context now and stores it as a new version.
    /// - Parameter runID: when not empty, the version is made once per run id: asking again
    ///   returns the version the first request made.
    /// - Returns: the context, carrying its version.
    public func refresh(userID: String, reason: String, runID: String = "") async throws -> UserContext {
        let userID = try ContextEngineError.normalizedUserID(userID)
        return try await client.withTransaction { connection in
            try await lock(userID, on: connection)
            if let existing = try await storedSnapshot(madeBy: runID, userID: userID, on: connection) { return existing }
            return try await snapshot(userID: userID, reason: reason, runID: runID, on: connection)
        }
    }

    /// Applies what the conversation learned (goals, insights, preferences) and stores the
    /// resulting context as a new version, once per `update.runID`.
    /// - Throws: ``ContextEngineError/staleVersion(base:current:)`` when `baseVersion` is set and
    ///   no longer current; ``ContextEngineError/invalidArgument(_:)`` for a malformed update.
    public func apply(_ update: ContextUpdate) async throws -> UserContext {
        var update = update
        update.userID = try ContextEngineError.normalizedUserID(update.userID)
        try Self.validate(update)
        return try await client.withTransaction { [update] connection in
            try await lock(update.userID, on: connection)
            if let existing = try await storedSnapshot(madeBy: update.runID, userID: update.userID, on: connection) {
                return existing
            }
            let current = try await currentVersion(update.userID, on: connection)
            if update.baseVersion != 0 && update.baseVersion != current {
                throw ContextEngineError.staleVersion(base: update.baseVersion, current: current)
            }
            try await write(update, on: connection)
            return try await snapshot(
                userID: update.userID, reason: update.reason.isEmpty ? "update" : update.reason, runID: update.runID,
                on: connection)
        }
    }

    /// The newest versions first.
    public func history(userID: String, limit: Int) async throws -> [ContextVersionInfo] {
        let userID = try ContextEngineError.normalizedUserID(userID)
        let rows = try await client.query(
            """
            SELECT version, (extract(epoch FROM created_at) * 1000)::bigint AS created_at_unix_ms, reason
            FROM plutus_user_context WHERE user_id = \(userID)::uuid ORDER BY version DESC LIMIT \(max(1, min(limit, 500)))
            """)
        return try rows.map {
            ContextVersionInfo(
                version: try $0.decode("version"), createdAtUnixMs: try $0.decode("created_at_unix_ms"),
                reason: try $0.decode("reason"))
        }
    }

    /// The snapshot stored as `version`, opened.
    public func snapshot(userID: String, version: Int64) async throws -> UserContext? {
        let userID = try ContextEngineError.normalizedUserID(userID)
        return try await client.withConnection { connection in
            try await storedSnapshot(
                "SELECT version, snapshot_sealed, snapshot_key_id FROM plutus_user_context WHERE user_id = \(userID)::uuid AND version = \(version)",
                userID: userID, on: connection)
        }
    }

    // MARK: - Inside the transaction

    private func lock(_ userID: String, on connection: PostgresConnection) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(\(Self.lockClass)::integer, hashtext(\(userID)))")
    }

    private func currentVersion(_ userID: String, on connection: PostgresConnection) async throws -> Int64 {
        try await connection.query(
            "SELECT coalesce(max(version), 0) AS version FROM plutus_user_context WHERE user_id = \(userID)::uuid"
        ).first?.decode("version") ?? 0
    }

    /// The version `runID` already made, as it was stored: asking again answers the same.
    private func storedSnapshot(madeBy runID: String, userID: String, on connection: PostgresConnection) async throws
        -> UserContext?
    {
        guard !runID.isEmpty else { return nil }
        return try await storedSnapshot(
            "SELECT version, snapshot_sealed, snapshot_key_id FROM plutus_user_context WHERE user_id = \(userID)::uuid AND run_id = \(runID)",
            userID: userID, on: connection)
    }

    /// The snapshot the query selects (`version`, `snapshot_sealed`, `snapshot_key_id`), opened.
    private func storedSnapshot(_ query: PostgresQuery, userID: String, on connection: PostgresConnection) async throws
        -> UserContext?
    {
        guard let row = try await connection.query(query).first else { return nil }
        let version: Int64 = try row.decode("version")
        let sealed = DataCipher.Sealed(bytes: try row.decode("snapshot_sealed"), keyID: try row.decode("snapshot_key_id"))
        let bytes = try cipher.open(sealed, context: SealedColumns.contextSnapshot(userID: userID, version: version))
        return try UserContext(serializedBytes: bytes)
    }

    /// Builds the context from the data as this transaction sees it and stores it as the next version.
    private func snapshot(userID: String, reason: String, runID: String, on connection: PostgresConnection)
        async throws -> UserContext
    {
        var context = try await builder.build(userID: userID, on: connection)
        context.version = try await currentVersion(userID, on: connection) + 1
        let sealed = try cipher.seal(
            try context.serializedBytes(), context: SealedColumns.contextSnapshot(userID: userID, version: context.version))
        try await connection.query(
            """
            INSERT INTO plutus_user_context (user_id, version, snapshot_sealed, snapshot_key_id, reason, run_id)
            VALUES (\(userID)::uuid, \(context.version), \(sealed.bytes), \(sealed.keyID), \(reason), \(runID.isEmpty ? nil : runID))
            """)
        try await connection.query(
            """
            INSERT INTO plutus_audit_log (user_id, actor, action, detail)
            VALUES (\(userID)::uuid, 'context_engine', 'context_version',
                    jsonb_build_object('version', \(context.version), 'reason', \(reason)::text))
            """)
        return context
    }

    private func write(_ update: ContextUpdate, on connection: PostgresConnection) async throws {
        let user = update.userID
        for goal in update.goals {
            let id = goal.id.isEmpty ? UUID().uuidString.lowercased() : goal.id
            let target: String? = goal.targetAmountCents.map(Money.decimalString(cents:))
            let targetDate: String? = goal.targetDate.isEmpty ? nil : goal.targetDate
            try await connection.query(
                """
                INSERT INTO plutus_goals (id, user_id, type, title, target_amount, current_amount, target_date, priority, status)
                VALUES (\(id)::uuid, \(user)::uuid, \(goal.type), \(goal.title), \(target)::numeric,
                        \(Money.decimalString(cents: goal.currentAmountCents))::numeric, \(targetDate)::date, \(Int(goal.priority)),
                        \(goal.status.isEmpty ? "active" : goal.status))
                ON CONFLICT (id) DO UPDATE SET type = excluded.type, title = excluded.title,
                    target_amount = excluded.target_amount, current_amount = excluded.current_amount,
                    target_date = excluded.target_date, priority = excluded.priority, status = excluded.status,
                    updated_at = now()
                WHERE plutus_goals.user_id = excluded.user_id
                """)
        }
        for goalID in update.removedGoalIDs {
            try await connection.query("DELETE FROM plutus_goals WHERE id = \(goalID)::uuid AND user_id = \(user)::uuid")
        }
        for insight in update.insights {
            let id = insight.id.isEmpty ? UUID().uuidString.lowercased() : insight.id
            let sealed = try cipher.seal(insight.content, context: SealedColumns.insightContent(insightID: id))
            try await connection.query(
                """
                INSERT INTO plutus_insights (id, user_id, type, content_sealed, content_key_id, confidence, source)
                VALUES (\(id)::uuid, \(user)::uuid, \(insight.type), \(sealed.bytes), \(sealed.keyID), \(insight.confidence),
                        \(insight.source.isEmpty ? update.reason : insight.source))
                ON CONFLICT (id) DO NOTHING
                """)
        }
        for preference in update.preferences {
            try await connection.query(
                """
                INSERT INTO plutus_user_preferences (user_id, key, value) VALUES (\(user)::uuid, \(preference.key), \(preference.value))
                ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value, updated_at = now()
                """)
        }
    }

    private static let lockClass = 0x636F_6E74  // "cont"

    private static let goalTypes = Set(GoalVocabulary.types)
    private static let goalStatuses = Set(GoalVocabulary.statuses + [""])  // "" = active

    static func validate(_ update: ContextUpdate) throws {
        for goal in update.goals {
            guard goal.id.isEmpty || goal.id.isUUID else {
                throw ContextEngineError.invalidArgument("goal id '\(goal.id.prefix(64))' is not a UUID")
            }
            guard goalTypes.contains(goal.type) else {
                throw ContextEngineError.invalidArgument(
                    "goal type '\(goal.type.prefix(64))' is not one of \(goalTypes.sorted().joined(separator: ", "))")
            }
            guard !goal.title.isEmpty else { throw ContextEngineError.invalidArgument("a goal needs a title") }
            guard goalStatuses.contains(goal.status) else {
                throw ContextEngineError.invalidArgument("goal status '\(goal.status.prefix(64))' is not known")
            }
            if let target = goal.targetAmountCents, target <= 0 {
                throw ContextEngineError.invalidArgument("a goal's target amount must be positive")
            }
            guard goal.targetDate.isEmpty || ISODate.isValid(goal.targetDate) else {
                throw ContextEngineError.invalidArgument("goal target date '\(goal.targetDate.prefix(32))' is not YYYY-MM-DD")
            }
            guard goal.priority >= 0 else { throw ContextEngineError.invalidArgument("a goal's priority cannot be negative") }
        }
        for id in update.removedGoalIDs where !id.isUUID {
            throw ContextEngineError.invalidArgument("removed goal id '\(id.prefix(64))' is not a UUID")
        }
        for insight in update.insights {
            guard insight.id.isEmpty || insight.id.isUUID else {
                throw ContextEngineError.invalidArgument("insight id '\(insight.id.prefix(64))' is not a UUID")
            }
            guard !insight.type.isEmpty, !insight.content.isEmpty else {
                throw ContextEngineError.invalidArgument("an insight needs a type and content")
            }
            guard (0...1).contains(insight.confidence) else {
                throw ContextEngineError.invalidArgument("an insight's confidence must be between 0 and 1")
            }
        }
        for preference in update.preferences where preference.key.isEmpty {
            throw ContextEngineError.invalidArgument("a preference needs a key")
        }
    }
}

/// Checks `YYYY-MM-DD` with a real calendar date.
enum ISODate {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1
        else { return false }
        let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}
