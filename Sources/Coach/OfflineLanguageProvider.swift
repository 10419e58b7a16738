public import CoachLanguage

/// The offline language engine: deterministic reading (the classifier and parsers of
/// CoachLanguage) and writing (phrasings chosen per conversation). It needs nothing, never
/// fails, and is the default when no model is configured.
public struct OfflineLanguageProvider: LanguageProvider {
    public let model = "offline"
    public let isOffline = true

    public init() {}

    public func classify(_ turn: TurnText) async throws -> RouteDecision {
        // A summary of folded turns carries old questions' words: only what was said lately counts.
        RouteClassifier.classify(turn.message, recent: turn.recent.filter { !$0.isSummary }.map(\.content))
    }

    public func extractGoals(_ turn: TurnText) async throws -> [GoalMention] {
        GoalParser.goals(in: turn.message, today: turn.today)
    }

    public func write(_ brief: ReplyBrief) async throws -> String {
        OfflineWriter().write(brief)
    }
}
