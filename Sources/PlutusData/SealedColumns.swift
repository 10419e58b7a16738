/// The `context` each sealed column binds its values to (see ``DataCipher``): the table, the
/// column and the row, so a value moved to another row or column does not open. Ids are taken
/// in lower case, as PostgreSQL writes a `uuid`, so a value sealed with an id as a caller spelt
/// it opens with the id as the database returns it.
public enum SealedColumns {
    public static func messageContent(messageID: String) -> String { "plutus_messages.content:\(messageID.lowercased())" }
    public static func insightContent(insightID: String) -> String { "plutus_insights.content:\(insightID.lowercased())" }
    public static func conversationSummary(conversationID: String) -> String {
        "plutus_conversations.summary:\(conversationID.lowercased())"
    }
    public static func contextSnapshot(userID: String, version: Int64) -> String {
        "plutus_user_context.snapshot:\(userID.lowercased()):\(version)"
    }
    public static func checkpointState(runID: String, step: Int) -> String {
        "plutus_graph_checkpoints.state:\(runID.lowercased()):\(step)"
    }
    public static func idempotentAnswer(userID: String, key: String) -> String {
        "plutus_idempotency_keys.answer:\(userID.lowercased()):\(key)"
    }
}
