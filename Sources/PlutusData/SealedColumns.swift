/// The `context` each sealed column binds its values to (see ``DataCipher``): the table, the
/// column and the row, so a value moved to another row or column does not open.
public enum SealedColumns {
    public static func messageContent(messageID: String) -> String { "plutus_messages.content:\(messageID)" }
    public static func insightContent(insightID: String) -> String { "plutus_insights.content:\(insightID)" }
    public static func conversationSummary(conversationID: String) -> String {
        "plutus_conversations.summary:\(conversationID)"
    }
    public static func contextSnapshot(userID: String, version: Int64) -> String {
        "plutus_user_context.snapshot:\(userID):\(version)"
    }
    public static func checkpointState(runID: String, step: Int) -> String {
        "plutus_graph_checkpoints.state:\(runID):\(step)"
    }
}
