import FinanceEngine

/// What the route classifier reads in one message: lexicon features, topics, goals, amounts, dates and replies.
struct MessageEvidence {
    var scores = IntentScores()
    var confirmation = ConfirmationSignals()
    /// Whether the message continues the previous topic ("what about…", "and if…").
    var isFollowUp = false
    /// Whether it names an analysis topic, a goal, an amount or a date: something a follow-up can be about.
    var hasSubject = false
    let language: String

    /// Feature weights that are not phrases of ``RouteLexicon``.
    enum Weight {
        static let fuzzy = 0.8
        static let negated = 0.4
        static let topic = 0.7
        static let overallTopic = 1.8
        static let goalMention = 0.9
        static let negatedGoalMention = 0.3
        static let amount = 0.4
        static let date = 0.6
        /// A question form that opens its clause ("what's my…", "should I…") sets the message's speech act.
        static let leadingQuestion = 1.3
        /// In a question, goal statements ("save for a house") are the topic, not the intent.
        static let goalInQuestion = 0.6
        /// A question offering a choice ("pay off debt or invest?") asks for advice.
        static let choiceQuestion = 1.0
    }

    /// A fixed day for finding dates: only whether a message has one matters here, not which.
    private static let referenceDay = CivilDate(daysSinceEpoch: 20_000)

    init(_ text: String) {
        let tokens = TextNormalizer.tokens(in: text)
        language = LanguageDetector.language(of: tokens, text: text)
        let clauses = Clauses(tokens)
        let clauseStarts = MessageEvidence.clauseStarts(tokens, clauses)
        addLexicon(tokens, clauses, clauseStarts)
        addTopics(tokens)
        addGoals(tokens, text)
        let hasAmountOrDate = addAmountsAndDates(tokens, text) || ConfirmationParser.bareYear(in: tokens) != nil
        confirmation = ConfirmationParser.signals(in: tokens, hasAmountOrDate: hasAmountOrDate)
        scores[.confirm] += confirmation.confirm
        scores[.decline] += confirmation.decline
        isFollowUp = RouteLexicon.followUps.longestMatch(startingAt: 0, in: tokens) != nil
        applyMood(tokens, clauseStarts)
    }

    /// The first word of each clause, past conjunctions and punctuation ("and what about…" starts at "what").
    private static func clauseStarts(_ tokens: [Token], _ clauses: Clauses) -> Set<Int> {
        var starts = Set<Int>()
        var open = true
        for (index, token) in tokens.enumerated() {
            if index > 0, clauses.clause[index] != clauses.clause[index - 1] { open = true }
            guard open, token.kind == .word, !Clauses.conjunctions.contains(token.text) else { continue }
            starts.insert(index)
            open = false
        }
        return starts
    }

    private mutating func addLexicon(_ tokens: [Token], _ clauses: Clauses, _ clauseStarts: Set<Int>) {
        for match in RouteLexicon.table.bestMatches(in: tokens) {
            var weight = match.value.weight * (match.quality == .fuzzy ? Weight.fuzzy : 1)
            if Negation.isNegated(match.tokens.lowerBound, in: tokens, clauses: clauses) { weight *= Weight.negated }
            let asks = match.value.intent == .analysis || match.value.intent == .advice
            if asks, clauseStarts.contains(match.tokens.lowerBound) { weight *= Weight.leadingQuestion }
            scores[match.value.intent] += weight
        }
    }

    /// Questions ask: goal statements inside them weigh less, and a choice between two things is advice.
    private mutating func applyMood(_ tokens: [Token], _ clauseStarts: Set<Int>) {
        let isQuestion =
            tokens.contains { $0.isSymbol("?") }
            || clauseStarts.contains { RouteLexicon.questionWords.contains(tokens[$0].text) }
        guard isQuestion else { return }
        scores[.goal] *= Weight.goalInQuestion
        let alternatives =
            language == "es" || language == "it"
            ? RouteLexicon.alternatives : RouteLexicon.alternatives.subtracting(["o"])
        if tokens.contains(where: { $0.kind == .word && alternatives.contains($0.text) }) {
            scores[.advice] += Weight.choiceQuestion
        }
    }

    private mutating func addTopics(_ tokens: [Token]) {
        let topics = AnalysisSelector.topics(in: tokens)
        let named = topics.filter { !$0.kinds.isEmpty }.count
        scores[.analysis] += Double(min(named, 2)) * Weight.topic
        if topics.contains(.overall) || topics.contains(.everything) { scores[.analysis] += Weight.overallTopic }
        hasSubject = hasSubject || !topics.isEmpty
    }

    private mutating func addGoals(_ tokens: [Token], _ text: String) {
        let candidates = GoalParser.candidates(in: tokens, text: text)
        let kept = Set(candidates.filter { !$0.isNegated }.map(\.kind)).count
        let negated = candidates.filter(\.isNegated).count
        scores[.goal] += Double(min(kept, 2)) * Weight.goalMention + Double(min(negated, 1)) * Weight.negatedGoalMention
        hasSubject = hasSubject || !candidates.isEmpty
    }

    private mutating func addAmountsAndDates(_ tokens: [Token], _ text: String) -> Bool {
        let amounts = AmountParser.scan(tokens, in: text).amounts.filter(GoalContext.isTargetLike)
        let hasDate = !DateParser.scan(tokens, in: text, today: MessageEvidence.referenceDay).isEmpty
        if amounts.contains(where: { $0.per == nil }) { scores[.goal] += Weight.amount }
        if hasDate { scores[.goal] += Weight.date }
        hasSubject = hasSubject || hasDate || !amounts.isEmpty
        return hasDate || !amounts.isEmpty
    }
}
