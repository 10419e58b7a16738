/// Evidence for each intent, added up feature by feature.
struct IntentScores {
    private var values: [CoachIntent: Double] = [:]

    /// The order that breaks ties: work before conversation, a goodbye before thanks.
    static let precedence: [CoachIntent] = [
        .analysis, .advice, .goal, .confirm, .decline, .farewell, .thanks, .greeting, .smallTalk,
    ]

    subscript(intent: CoachIntent) -> Double {
        get { values[intent, default: 0] }
        set { values[intent] = newValue }
    }

    /// Intents with evidence, strongest first (ties in ``precedence`` order).
    var ranked: [(intent: CoachIntent, score: Double)] {
        IntentScores.precedence.map { ($0, self[$0]) }.filter { $0.1 > 0 }.enumerated()
            .sorted { ($1.element.1, $0.offset) < ($0.element.1, $1.offset) }.map(\.element)
    }

    /// The strongest of the task intents (analysis, advice, goal).
    var bestTask: Double { CoachIntent.tasks.map { self[$0] }.max() ?? 0 }
}
