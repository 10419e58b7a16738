extension Migration {
    /// Reading a turn's history costs the same in a long conversation as in a new one: each conversation
    /// counts its messages as they are written (deciding whether to fold reads one row instead of counting
    /// hundreds), and the latest messages and checkpoint of a conversation are found by walking one index in
    /// the order asked for, with the owner in it (the planner, taking conversation and user for independent,
    /// otherwise fetches and sorts every row of the conversation).
    static let conversationCounts = Migration(
        version: 5, name: "conversation_counts", scope: .always,
        sql: """
            ALTER TABLE plutus_conversations ADD COLUMN message_count integer NOT NULL DEFAULT 0;
            UPDATE plutus_conversations c SET message_count = m.n
            FROM (SELECT conversation_id, count(*)::int AS n FROM plutus_messages GROUP BY conversation_id) m
            WHERE m.conversation_id = c.id;
            DROP INDEX plutus_messages_conversation_id_created_at_idx;
            CREATE INDEX plutus_messages_conversation_latest_idx
                ON plutus_messages (conversation_id, user_id, created_at DESC, id DESC);
            DROP INDEX plutus_graph_checkpoints_conversation_idx;
            CREATE INDEX plutus_graph_checkpoints_conversation_latest_idx
                ON plutus_graph_checkpoints (conversation_id, user_id, created_at DESC, step DESC);
            """)
}
