extension Migration {
    /// Where each checkpointed run of the conversation graph stands, so the gateway can find a
    /// conversation's paused run and resume it.
    static let graphRuns = Migration(
        version: 3, name: "graph_runs", scope: .always,
        sql: """
            ALTER TABLE plutus_graph_checkpoints
                ADD COLUMN status text NOT NULL DEFAULT 'running'
                    CHECK (status IN ('running', 'interrupted', 'finished')),
                ADD COLUMN next_node text,
                ADD COLUMN interrupt_reason text;
            CREATE INDEX plutus_graph_checkpoints_conversation_idx
                ON plutus_graph_checkpoints (conversation_id, created_at DESC);
            """)
}
