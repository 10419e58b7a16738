extension Migration {
    /// The answers to chat messages sent with an idempotency key, kept 24 hours so a client that
    /// retries gets the first answer and nothing is written twice.
    static let idempotencyKeys = Migration(
        version: 4, name: "idempotency_keys", scope: .always,
        sql: """
            CREATE TABLE plutus_idempotency_keys (
                user_id uuid NOT NULL REFERENCES {users} (id) ON DELETE CASCADE,
                idempotency_key text NOT NULL,
                conversation_id uuid NOT NULL REFERENCES plutus_conversations (id) ON DELETE CASCADE,
                request_hash text NOT NULL,
                answer_sealed bytea,
                answer_key_id text,
                created_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (user_id, idempotency_key)
            );
            CREATE INDEX plutus_idempotency_keys_created_idx ON plutus_idempotency_keys (created_at);
            """)
}
