import Crypto
public import Foundation
public import Postgres

/// The answers to requests sent with an idempotency key, per user, sealed at rest and kept for
/// ``window``: a request repeated with the same key gets the first answer and causes nothing new.
///
/// A key is claimed before the work starts and answered after; a claim whose work failed is
/// released so the client's retry can do the work.
public struct IdempotencyStore: Sendable {
    /// How long a key's answer is kept.
    public static let window: Duration = .seconds(24 * 3600)

    private let client: PostgresClient
    private let cipher: DataCipher

    public init(client: PostgresClient, cipher: DataCipher) {
        self.client = client
        self.cipher = cipher
    }

    /// What a claim found.
    public enum Claim: Sendable, Equatable {
        /// The key is this request's: do the work, then ``answer(userID:key:with:)``.
        case claimed
        /// The same request was answered before: this is its answer.
        case answered([UInt8])
        /// The same request is being answered now.
        case inFlight
        /// The key was used for a different request.
        case mismatch
    }

    /// Claims `key` for `request` (its bytes identify it: a key reused for other bytes is a
    /// mismatch). A key older than the window is claimed afresh.
    /// - Throws: ``ConversationStoreError/notFound`` when the conversation is not the user's.
    public func claim(userID: String, key: String, conversationID: String, request: [UInt8]) async throws -> Claim {
        let hash = SHA256.hash(data: request).map { String(format: "%02x", $0) }.joined()
        let seconds = Int(Self.window.components.seconds)
        let claimed = try await client.query(
            """
            INSERT INTO plutus_idempotency_keys (user_id, idempotency_key, conversation_id, request_hash)
            SELECT \(userID)::uuid, \(key), c.id, \(hash)
            FROM plutus_conversations c WHERE c.id = \(conversationID)::uuid AND c.user_id = \(userID)::uuid
            ON CONFLICT (user_id, idempotency_key) DO UPDATE
                SET conversation_id = EXCLUDED.conversation_id, request_hash = EXCLUDED.request_hash,
                    answer_sealed = NULL, answer_key_id = NULL, created_at = now()
                WHERE plutus_idempotency_keys.created_at < now() - make_interval(secs => \(seconds))
            RETURNING 1 AS claimed
            """)
        if !claimed.isEmpty { return .claimed }
        let rows = try await client.query(
            """
            SELECT request_hash, answer_sealed, answer_key_id FROM plutus_idempotency_keys
            WHERE user_id = \(userID)::uuid AND idempotency_key = \(key)
            """)
        guard let row = rows.first else { throw ConversationStoreError.notFound }  // no such conversation of theirs
        guard try row.decode("request_hash", as: String.self) == hash else { return .mismatch }
        guard let bytes = try row.decode("answer_sealed", as: [UInt8]?.self) else { return .inFlight }
        let sealed = DataCipher.Sealed(bytes: bytes, keyID: try row.decode("answer_key_id"))
        return .answered(try cipher.open(sealed, context: SealedColumns.idempotentAnswer(userID: userID, key: key)))
    }

    /// Stores the answer of a claimed key.
    public func answer(userID: String, key: String, with answer: [UInt8]) async throws {
        let sealed = try cipher.seal(answer, context: SealedColumns.idempotentAnswer(userID: userID, key: key))
        try await client.query(
            """
            UPDATE plutus_idempotency_keys SET answer_sealed = \(sealed.bytes), answer_key_id = \(sealed.keyID)
            WHERE user_id = \(userID)::uuid AND idempotency_key = \(key)
            """)
    }

    /// Gives up a claimed key whose work failed, so a retry can do it.
    public func release(userID: String, key: String) async throws {
        try await client.query(
            """
            DELETE FROM plutus_idempotency_keys
            WHERE user_id = \(userID)::uuid AND idempotency_key = \(key) AND answer_sealed IS NULL
            """)
    }

    /// Deletes keys older than the window; how many.
    @discardableResult
    public func prune() async throws -> Int {
        let seconds = Int(Self.window.components.seconds)
        let rows = try await client.query(
            """
            WITH gone AS (
                DELETE FROM plutus_idempotency_keys WHERE created_at < now() - make_interval(secs => \(seconds)) RETURNING 1
            ) SELECT count(*)::int AS n FROM gone
            """)
        return try rows.first?.decode("n", as: Int.self) ?? 0
    }
}
