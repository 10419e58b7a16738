public import Foundation
import FinanceEngine
public import PlutusData
public import PlutusWire
public import StateGraph

/// Takes one message of a conversation through the graph: reads the recent history, records the
/// message, resumes the conversation's paused run (a goal awaiting the person's answer) or starts
/// a new one, and records the reply.
public struct CoachTurnRunner: Sendable {
    /// A turn's outcome: the graph's final state (its `result` holds the reply) and whether the
    /// run paused for the person's answer.
    public struct Turn: Sendable {
        public let state: CoachTurnState
        public let completion: CompiledGraph<CoachTurnState>.Completion
        /// The assistant's stored message.
        public let reply: ConversationStore.Message
    }

    private let graph: CompiledGraph<CoachTurnState>
    private let checkpointer: PostgresCheckpointer
    private let conversations: ConversationStore
    private let audit: AuditLog
    private let historyLimit: Int
    private let foldAfter: Int
    /// How many of the person's folded questions the summary quotes.
    static let foldedQuestions = 8

    /// - Parameters:
    ///   - audit: where the turn's model calls (tokens, latency, outcome) are recorded.
    ///   - historyLimit: how many of the latest messages the agents see whole.
    ///   - foldAfter: past this many messages, the older ones reach the agents as a summary (a
    ///     ``ChatTurn/summaryRole`` turn first in the history), also kept as the conversation's summary.
    public init(
        graph: CompiledGraph<CoachTurnState>, checkpointer: PostgresCheckpointer, conversations: ConversationStore,
        audit: AuditLog, historyLimit: Int = 20, foldAfter: Int = 100
    ) {
        self.graph = graph
        self.checkpointer = checkpointer
        self.conversations = conversations
        self.audit = audit
        self.historyLimit = historyLimit
        self.foldAfter = foldAfter
    }

    /// Answers `message` in `userID`'s conversation `conversationID`.
    /// - Parameters:
    ///   - today: the person's calendar day, `YYYY-MM-DD` (default: today in UTC).
    ///   - events: the graph's events (nodes starting and finishing) as they happen.
    ///   - onToken: when given, the agents stream and each piece of the reply goes here, with the
    ///     node writing it, as it is written. Tokens are provisional: the turn's reply is the answer.
    /// - Throws: ``ConversationStoreError/notFound`` for a conversation that is not theirs or has
    ///   ended; ``GraphRunError`` when the graph cannot finish (what it finished is checkpointed).
    public func reply(
        to message: String, conversationID: String, userID: String, today: String? = nil,
        events: @escaping CompiledGraph<CoachTurnState>.EventSink = { _ in },
        onToken: (@Sendable (_ node: String, _ token: String) async -> Void)? = nil
    ) async throws -> Turn {
        try await ReplyTokens.$listener.withValue(onToken.map(ReplyTokens.Listener.init)) {
            try await answer(message, conversationID: conversationID, userID: userID, today: today, events: events)
        }
    }

    private func answer(
        _ message: String, conversationID: String, userID: String, today: String?,
        events: @escaping CompiledGraph<CoachTurnState>.EventSink
    ) async throws -> Turn {
        let opening = try await conversations.openTurn(
            conversationID: conversationID, userID: userID, content: message, recentLimit: historyLimit)
        let history = try await history(opening, conversationID: conversationID, userID: userID)
        let day = today ?? Self.utcToday()
        let latest = try await latestRunFinishingStopped(conversationID: conversationID, userID: userID)
        let run: CompiledGraph<CoachTurnState>.Run
        if let paused = latest, paused.status == .interrupted {
            run = try await graph.resume(runID: paused.runID, checkpointer: checkpointer, events: events) { state in
                state.message = message
                state.history = history
                state.today = day
                state.visited = []
                state.modelCalls = []
            }
        } else {
            let runID = UUID().uuidString.lowercased()
            let state = CoachTurnState(
                runID: runID, userID: userID, conversationID: conversationID, message: message, history: history,
                today: day)
            run = try await graph.run(state, runID: runID, checkpointer: checkpointer, events: events)
        }
        let text = run.state.result?.reply ?? ""
        let stored = try await conversations.append(
            conversationID: conversationID, userID: userID, role: .assistant, content: text)
        try await audit.record(
            userID: userID, actor: "coach", action: "llm_call",
            details: run.state.modelCalls.map { ModelCallAudit($0, runID: run.state.runID, messageID: stored.id) })
        return Turn(state: run.state, completion: run.completion, reply: stored)
    }

    /// The latest messages before the new one whole and, in a conversation past ``foldAfter``
    /// messages, a summary of the older ones first (stored as the conversation's summary too).
    private func history(
        _ opening: ConversationStore.TurnOpening, conversationID: String, userID: String
    ) async throws -> [ChatTurn] {
        let recent = opening.recent
        var history = recent.map {
            ChatTurn(role: $0.role.rawValue, content: $0.content, createdAtUnixMs: Int64($0.createdAt.timeIntervalSince1970 * 1000))
        }
        let count = opening.count
        guard let oldest = recent.first, recent.count == historyLimit, count > foldAfter, count > recent.count else {
            return history
        }
        let questions = try await conversations.messages(
            conversationID: conversationID, userID: userID, limit: Self.foldedQuestions, before: oldest.createdAt,
            role: .user)
        let summary = ConversationDigest.earlier(count: count - recent.count, questions: questions)
        try await conversations.updateSummary(conversationID: conversationID, userID: userID, summary: summary)
        history.insert(ChatTurn(role: ChatTurn.summaryRole, content: summary), at: 0)
        return history
    }

    /// The conversation's latest run, after finishing it if it stopped part-way (a service stayed away, or its
    /// gateway died), so what it settled lands (a confirmed goal) before the next message. If it fails again it is
    /// left for the next message, and pruned in the end.
    private func latestRunFinishingStopped(
        conversationID: String, userID: String
    ) async throws -> PostgresCheckpointer.RunStanding? {
        let latest = try await checkpointer.latestRun(conversationID: conversationID, userID: userID)
        guard let stopped = latest, stopped.status == .running else { return latest }
        _ = try? await graph.resume(runID: stopped.runID, checkpointer: checkpointer)
        return try await checkpointer.latestRun(conversationID: conversationID, userID: userID)
    }

    /// Today's date in UTC, `YYYY-MM-DD`.
    public static func utcToday(now: Date = Date()) -> String {
        CivilDate(utcDayOfSecondsSince1970: now.timeIntervalSince1970).description
    }
}

/// A model call as the audit log's `detail` holds it.
struct ModelCallAudit: Codable, Sendable {
    let provider: String
    let model: String
    let purpose: String
    let outcome: String
    let inputTokens: Int64
    let outputTokens: Int64
    let cacheCreationInputTokens: Int64
    let cacheReadInputTokens: Int64
    let latencyMs: Int64
    let attempts: Int32
    let runID: String
    let messageID: String

    init(_ call: ModelCall, runID: String, messageID: String) {
        provider = call.provider
        model = call.model
        purpose = call.purpose
        outcome = call.outcome
        inputTokens = call.inputTokens
        outputTokens = call.outputTokens
        cacheCreationInputTokens = call.cacheCreationInputTokens
        cacheReadInputTokens = call.cacheReadInputTokens
        latencyMs = call.latencyMs
        attempts = call.attempts
        self.runID = runID
        self.messageID = messageID
    }

    enum CodingKeys: String, CodingKey {
        case provider, model, purpose, outcome, attempts
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
        case cacheCreationInputTokens = "cache_creation_input_tokens"
        case cacheReadInputTokens = "cache_read_input_tokens"
        case latencyMs = "latency_ms"
        case runID = "run_id"
        case messageID = "message_id"
    }
}
