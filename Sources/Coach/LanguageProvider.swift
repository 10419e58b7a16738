public import CoachLanguage
public import FinanceEngine
public import PlutusWire

/// A turn as a language provider reads it.
public struct TurnText: Sendable {
    /// The person's latest message.
    public var message: String
    /// The conversation's recent turns, oldest first.
    public var recent: [ChatTurn]
    /// The person's calendar day: what relative dates count from.
    public var today: CivilDate

    public init(message: String, recent: [ChatTurn] = [], today: CivilDate) {
        self.message = message
        self.recent = recent
        self.today = today
    }
}

/// How the agents read and write language: the offline engine here, Claude or an
/// OpenAI-compatible model elsewhere. A provider never computes a figure: it reads the person's
/// words, and it phrases briefs whose figures the finance engine computed.
public protocol LanguageProvider: Sendable {
    /// The model's name as replies report it (`offline`, `claude-sonnet-4-5`).
    var model: String { get }
    /// Whether this is the deterministic offline engine (replies say `degraded`).
    var isOffline: Bool { get }

    /// Decides a turn's route and intent.
    func classify(_ turn: TurnText) async throws -> RouteDecision

    /// The goals the person states in their message.
    func extractGoals(_ turn: TurnText) async throws -> [GoalMention]

    /// Writes the reply a brief describes. Every figure in it must come from the brief's facts.
    func write(_ brief: ReplyBrief) async throws -> String
}
