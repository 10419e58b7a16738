/// What the recent turns say about the message that follows them.
struct ConversationContext {
    /// Whether the latest turn proposed something to accept or refuse.
    let proposalPending: Bool
    /// How much each task intent the recent turns were about, the strongest scaled to 1. Each turn gives its
    /// strongest task intent its score, halved per turn of age: a person's pointed question ("should I…", 2.6)
    /// outweighs the coach's answer that follows it (topics only, under 1.5).
    let topic: [CoachIntent: Double]

    /// How much more yes and no weigh right after a proposal.
    static let replyBoost = 1.8
    /// What a correction after a proposal adds to decline.
    static let correction = 2.0
    /// How much of the recent topic a follow-up inherits, and any other message.
    static let followUpShare = 1.5
    static let tieBreakShare = 0.3

    init(recent: [String], readings: TurnReadings = .shared) {
        proposalPending = recent.last.map { readings.reading(of: $0).proposes } ?? false
        var topic: [CoachIntent: Double] = [:]
        for (age, turn) in recent.reversed().prefix(3).enumerated() {
            let weight = 1 / Double(1 << age)
            let reading = readings.reading(of: turn)
            if reading.proposes { topic[.goal, default: 0] += weight * 2 }
            if let task = reading.task, task.score >= RouteClassifier.threshold {
                topic[task.intent, default: 0] += weight * task.score
            }
            if reading.replies > reading.task?.score ?? 0 { topic[.goal, default: 0] += weight * reading.replies }
        }
        let strongest = topic.values.max() ?? 0
        self.topic = strongest > 0 ? topic.mapValues { $0 / strongest } : [:]
    }

    /// Adds the context's weight to `evidence`.
    func apply(to evidence: inout MessageEvidence) {
        if proposalPending {
            evidence.scores[.confirm] *= ConversationContext.replyBoost
            evidence.scores[.decline] *= ConversationContext.replyBoost
            if evidence.confirmation.isCorrection { evidence.scores[.decline] += ConversationContext.correction }
        }
        let isReply =
            proposalPending
            && (evidence.confirmation.isCorrection || evidence.confirmation.confirm + evidence.confirmation.decline > 0)
        let isFollowUp = !isReply && (evidence.isFollowUp || (evidence.scores.bestTask < 1 && evidence.hasSubject))
        let share = isFollowUp ? ConversationContext.followUpShare : ConversationContext.tieBreakShare
        for (intent, weight) in topic { evidence.scores[intent] += weight * share }
    }
}
