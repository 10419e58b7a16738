/// Summaries of a conversation written from its messages, with no model involved: what an ended
/// conversation stores, and what the agents see of turns too old to send them whole.
public enum ConversationDigest {
    /// An ended conversation: how long it was, and what the person first and last asked.
    public static func summary(of messages: [ConversationStore.Message]) -> String {
        let asked = messages.filter { $0.role == .user }
        guard let first = asked.first, let last = asked.last else { return "An empty conversation." }
        var summary = "\(messages.count) messages, \(asked.count) from the person. They began with “\(excerpt(first.content))”"
        if asked.count > 1 { summary += " and last asked “\(excerpt(last.content))”" }
        return summary + "."
    }

    /// Turns folded out of a long conversation: how many (`count`), and the person's last questions among
    /// them (`questions`, oldest first).
    public static func earlier(count: Int, questions: [ConversationStore.Message]) -> String {
        let asked = questions.filter { $0.role == .user }.map { "“\(excerpt($0.content))”" }
        guard !asked.isEmpty else { return "Earlier in this conversation: \(count) messages." }
        return "Earlier in this conversation (\(count) messages) the person asked: \(asked.joined(separator: "; "))."
    }

    private static func excerpt(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count <= 80 ? line : String(line.prefix(79)) + "…"
    }
}
