/// Decides where a message goes in the conversation graph, and what it is doing.
///
/// A scored classifier: every phrase of ``RouteLexicon`` found in the message (longest phrases first, misspellings
/// at 0.8 of their weight, negated ones at 0.4) adds its weight to its intent; analysis topics, goal phrases,
/// amounts and dates add to analysis and goal; yes/no phrases to confirm and decline. The recent turns then break
/// ties: after a proposed goal ("Shall I save it?") yes and no weigh 1.8 times as much and a correction ("change it
/// to $25k") is a decline; a follow-up ("how about in 3 years?") inherits the topic of the recent turns.
///
/// The strongest intent wins (ties: analysis, advice, goal, confirm, decline, farewell, thanks, greeting, small
/// talk), except that a greeting never beats a question ("hi, what's my net worth?" is an analysis). Below 0.6 the
/// message is ``CoachIntent/unclear`` and goes to the financial analysis with confidence 0.15. Otherwise confidence
/// is about the route: `top / (top + runnerUp + 0.75)` where `runnerUp` is the best intent of another route, so one
/// strong feature gives about 0.7, a contest between two routes about 0.5, and "thanks, bye" (two intents, one
/// route) stays confident.
public enum RouteClassifier {
    /// The least evidence an intent needs.
    static let threshold = 0.6
    /// The confidence of an unclear message.
    static let unclearConfidence = 0.15

    /// Classifies `message`.
    /// - Parameters:
    ///   - message: The person's new message.
    ///   - recent: The conversation's latest turns, the coach's and the person's, oldest first. The last one is
    ///     checked for a proposal ("Shall I save it?"); the last three give the topic a follow-up inherits.
    /// - Returns: The route, the intent, a confidence in 0...1 and the message's language.
    public static func classify(_ message: String, recent: [String] = []) -> RouteDecision {
        var evidence = MessageEvidence(message)
        ConversationContext(recent: recent).apply(to: &evidence)
        return decide(evidence.scores, language: evidence.language)
    }

    static func decide(_ scores: IntentScores, language: String) -> RouteDecision {
        var ranked = scores.ranked
        if ranked.first?.intent == .greeting, scores.bestTask >= 1 {
            ranked.removeFirst()
        }
        guard let top = ranked.first, top.score >= threshold else {
            return RouteDecision(
                route: CoachIntent.unclear.route, intent: .unclear, confidence: unclearConfidence, language: language)
        }
        let runnerUp = ranked.first { $0.intent.route != top.intent.route }?.score ?? 0
        let confidence = min(0.99, max(0.05, top.score / (top.score + runnerUp + 0.75)))
        return RouteDecision(route: top.intent.route, intent: top.intent, confidence: confidence, language: language)
    }
}
