import Synchronization

/// What one earlier turn of a conversation says about the topic of the message that follows it.
struct TurnReading: Sendable {
    /// Whether the turn proposed something to accept or refuse ("Shall I save it as a goal?").
    let proposes: Bool
    /// The turn's strongest task intent (analysis, advice or goal) and its score.
    let task: (intent: CoachIntent, score: Double)?
    /// The stronger of the turn's yes and no.
    let replies: Double

    init(_ turn: String) {
        proposes = !RouteLexicon.proposals.bestMatches(in: TextNormalizer.tokens(in: turn)).isEmpty
        let scores = MessageEvidence(turn).scores
        task = CoachIntent.tasks.map { ($0, scores[$0]) }.max { $0.1 < $1.1 }
        replies = max(scores[.confirm], scores[.decline])
    }
}

/// Readings of recent turns, remembered: each turn is context for the next three messages, and the coach's
/// long answers cost far more to read than the person's short questions. Bounded: when the newer of two
/// generations fills, the older one is dropped, so the turns still in use stay and the rest go.
final class TurnReadings: Sendable {
    /// The readings every classifier in the process shares.
    static let shared = TurnReadings(capacity: 4_096)

    private struct Generations {
        var current: [String: TurnReading] = [:]
        var previous: [String: TurnReading] = [:]
    }

    private let capacity: Int
    private let generations = Mutex(Generations())

    /// - Parameter capacity: how many readings each of the two generations holds.
    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The reading of `turn`, remembered or made now.
    func reading(of turn: String) -> TurnReading {
        if let known = generations.withLock({ $0.current[turn] ?? $0.previous[turn] }) {
            remember(known, for: turn)
            return known
        }
        let reading = TurnReading(turn)
        remember(reading, for: turn)
        return reading
    }

    /// How many readings are remembered.
    var count: Int { generations.withLock { $0.current.count + $0.previous.count } }

    private func remember(_ reading: TurnReading, for turn: String) {
        generations.withLock { generations in
            guard generations.current[turn] == nil else { return }
            if generations.current.count >= capacity {
                generations.previous = generations.current
                generations.current = [:]
            }
            generations.current[turn] = reading
        }
    }
}
