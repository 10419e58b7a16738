public import Foundation
public import Postgres

/// Conversations and their messages in `plutus_conversations` and `plutus_messages`, with
/// message content and summaries sealed at rest (see ``DataCipher``).
///
/// Every read and write names the user as well as the conversation, so one person's request can
/// never reach another's conversation. A message whose month has no partition yet (the
/// maintenance that makes them ahead has not run) creates the partitions and is written again.
public struct ConversationStore: Sendable {
    private let client: PostgresClient
    private let cipher: DataCipher

    public init(client: PostgresClient, cipher: DataCipher) {
        self.client = client
        self.cipher = cipher
    }

    public struct Conversation: Sendable, Equatable {
        public let id: String
        public let userID: String
        public let sessionID: String
        public let title: String?
        public let startedAt: Date
        public let endedAt: Date?
        public let summary: String?
    }

    public enum Role: String, Sendable, CaseIterable {
        case user, assistant, system
    }

    public struct Message: Sendable, Equatable {
        public let id: String
        public let conversationID: String
        public let role: Role
        public let content: String
        public let createdAt: Date
    }

    /// Starts a conversation for `userID`.
    public func start(userID: String, title: String? = nil) async throws -> Conversation {
        let id = UUID().uuidString.lowercased()
        let session = UUID().uuidString.lowercased()
        let rows = try await client.query(
            """
            INSERT INTO plutus_conversations (id, user_id, session_id, title)
            VALUES (\(id)::uuid, \(userID)::uuid, \(session)::uuid, \(title))
            RETURNING started_at
            """)
        return Conversation(
            id: id, userID: userID, sessionID: session, title: title, startedAt: try rows.first?.decode("started_at") ?? Date(),
            endedAt: nil, summary: nil)
    }

    /// The conversation, if it is `userID`'s.
    public func conversation(_ id: String, userID: String) async throws -> Conversation? {
        let rows = try await client.query(
            """
            SELECT session_id::text AS session_id, title, started_at, ended_at, summary_sealed, summary_key_id
            FROM plutus_conversations WHERE id = \(id)::uuid AND user_id = \(userID)::uuid
            """)
        guard let row = rows.first else { return nil }
        var summary: String?
        if let bytes = try row.decode("summary_sealed", as: [UInt8]?.self) {
            let sealed = DataCipher.Sealed(bytes: bytes, keyID: try row.decode("summary_key_id"))
            summary = try cipher.openText(sealed, context: SealedColumns.conversationSummary(conversationID: id))
        }
        return Conversation(
            id: id, userID: userID, sessionID: try row.decode("session_id"), title: try row.decode("title"),
            startedAt: try row.decode("started_at"), endedAt: try row.decode("ended_at"), summary: summary)
    }

    /// Appends a message, sealed, to `userID`'s conversation.
    /// - Throws: ``ConversationStoreError/notFound`` when the conversation is not theirs or has ended.
    public func append(conversationID: String, userID: String, role: Role, content: String) async throws -> Message {
        let append = try Append(conversationID: conversationID, userID: userID, role: role, content: content, cipher: cipher)
        let rows = try await writingMessages { [try await client.query(append.query)] }
        return try append.message(from: rows[0])
    }

    /// What a turn starts from, read and written in one round trip: the latest `recentLimit`
    /// messages before the person's new one, how many the conversation held, and the new message.
    public struct TurnOpening: Sendable, Equatable {
        /// Oldest first.
        public let recent: [Message]
        /// Messages in the conversation before `message`.
        public let count: Int
        public let message: Message
    }

    /// Reads the conversation's latest messages and count, and appends the person's `content`, in
    /// one pipeline (the reads see the conversation as it was before the new message).
    /// - Throws: ``ConversationStoreError/notFound`` when the conversation is not theirs or has ended.
    public func openTurn(conversationID: String, userID: String, content: String, recentLimit: Int) async throws -> TurnOpening {
        let append = try Append(conversationID: conversationID, userID: userID, role: .user, content: content, cipher: cipher)
        let results = try await writingMessages {
            try await client.pipeline([
                Self.messagesQuery(conversationID, userID, limit: recentLimit, before: nil, role: nil),
                Self.countQuery(conversationID, userID), append.query,
            ])
        }
        return TurnOpening(
            recent: try messages(from: results[0], conversationID: conversationID),
            count: try results[1].first?.decode("n", as: Int.self) ?? 0, message: try append.message(from: results[2]))
    }

    /// Up to `limit` messages of `userID`'s conversation, oldest first; with `before`, those written before it;
    /// with `role`, only that role's.
    public func messages(
        conversationID: String, userID: String, limit: Int = 50, before: Date? = nil, role: Role? = nil
    ) async throws -> [Message] {
        let rows = try await client.query(Self.messagesQuery(conversationID, userID, limit: limit, before: before, role: role))
        return try messages(from: rows, conversationID: conversationID)
    }

    /// How many messages `userID`'s conversation holds.
    public func count(conversationID: String, userID: String) async throws -> Int {
        try await client.query(Self.countQuery(conversationID, userID)).first?.decode("n", as: Int.self) ?? 0
    }

    // MARK: - Statements

    /// A message to append: sealed under its own id, counted on its conversation in the same statement.
    private struct Append {
        let id: String
        let conversationID: String
        let role: Role
        let content: String
        let query: PostgresQuery

        init(conversationID: String, userID: String, role: Role, content: String, cipher: DataCipher) throws {
            let id = UUID().uuidString.lowercased()
            let sealed = try cipher.seal(content, context: SealedColumns.messageContent(messageID: id))
            self.id = id
            self.conversationID = conversationID
            self.role = role
            self.content = content
            query = """
                WITH counted AS (
                    UPDATE plutus_conversations SET message_count = message_count + 1
                    WHERE id = \(conversationID)::uuid AND user_id = \(userID)::uuid AND ended_at IS NULL
                    RETURNING id, user_id)
                INSERT INTO plutus_messages (id, conversation_id, user_id, role, content_sealed, content_key_id)
                SELECT \(id)::uuid, counted.id, counted.user_id, \(role.rawValue), \(sealed.bytes), \(sealed.keyID)
                FROM counted
                RETURNING created_at
                """
        }

        /// The appended message, from the statement's rows; none means the conversation is not the user's or has ended.
        func message(from rows: PostgresRows) throws -> Message {
            guard let row = rows.first else { throw ConversationStoreError.notFound }
            return Message(id: id, conversationID: conversationID, role: role, content: content, createdAt: try row.decode("created_at"))
        }
    }

    /// Runs `write`, which appends messages; when their month has no partition yet, makes the
    /// partitions and runs it again.
    private func writingMessages(_ write: () async throws -> [PostgresRows]) async throws -> [PostgresRows] {
        do {
            return try await write()
        } catch let error as PostgresError where error.sqlState == Self.noPartition {
            try await client.query("SELECT plutus_ensure_message_partitions(3)")
            return try await write()
        }
    }

    private static func messagesQuery(
        _ conversationID: String, _ userID: String, limit: Int, before: Date?, role: Role?
    ) -> PostgresQuery {
        """
        SELECT * FROM (
            SELECT m.id::text AS id, m.role, m.content_sealed, m.content_key_id, m.created_at
            FROM plutus_messages m
            WHERE m.conversation_id = \(conversationID)::uuid AND m.user_id = \(userID)::uuid
              AND (\(before)::timestamptz IS NULL OR m.created_at < \(before)::timestamptz)
              AND (\(role?.rawValue)::text IS NULL OR m.role = \(role?.rawValue)::text)
            ORDER BY m.created_at DESC, m.id DESC LIMIT \(max(1, min(limit, 500)))
        ) newest ORDER BY created_at, id
        """
    }

    private static func countQuery(_ conversationID: String, _ userID: String) -> PostgresQuery {
        """
        SELECT message_count AS n FROM plutus_conversations
        WHERE id = \(conversationID)::uuid AND user_id = \(userID)::uuid
        """
    }

    private func messages(from rows: PostgresRows, conversationID: String) throws -> [Message] {
        try rows.map { row in
            let id: String = try row.decode("id")
            let sealed = DataCipher.Sealed(bytes: try row.decode("content_sealed"), keyID: try row.decode("content_key_id"))
            return Message(
                id: id, conversationID: conversationID, role: Role(rawValue: try row.decode("role")) ?? .system,
                content: try cipher.openText(sealed, context: SealedColumns.messageContent(messageID: id)),
                createdAt: try row.decode("created_at"))
        }
    }

    /// Replaces the summary of `userID`'s open conversation, sealed (a long conversation's
    /// folded turns); an ended conversation keeps the summary it ended with.
    public func updateSummary(conversationID: String, userID: String, summary: String) async throws {
        let sealed = try cipher.seal(summary, context: SealedColumns.conversationSummary(conversationID: conversationID))
        try await client.query(
            """
            UPDATE plutus_conversations SET summary_sealed = \(sealed.bytes), summary_key_id = \(sealed.keyID)
            WHERE id = \(conversationID)::uuid AND user_id = \(userID)::uuid AND ended_at IS NULL
            """)
    }

    /// Ends `userID`'s conversation with its summary, sealed.
    /// - Throws: ``ConversationStoreError/notFound`` when the conversation is not theirs.
    public func end(conversationID: String, userID: String, summary: String) async throws -> Conversation {
        let sealed = try cipher.seal(summary, context: SealedColumns.conversationSummary(conversationID: conversationID))
        let rows = try await client.query(
            """
            UPDATE plutus_conversations SET ended_at = coalesce(ended_at, now()),
                   summary_sealed = \(sealed.bytes), summary_key_id = \(sealed.keyID)
            WHERE id = \(conversationID)::uuid AND user_id = \(userID)::uuid
            RETURNING id
            """)
        guard !rows.isEmpty, let conversation = try await conversation(conversationID, userID: userID) else {
            throw ConversationStoreError.notFound
        }
        return conversation
    }

    /// PostgreSQL's "no partition of relation found for row".
    static let noPartition = "23514"
}

public enum ConversationStoreError: Error, Equatable, CustomStringConvertible {
    /// No such conversation of this user (or it has ended, for a new message).
    case notFound

    public var description: String { "no such conversation for this user" }
}
