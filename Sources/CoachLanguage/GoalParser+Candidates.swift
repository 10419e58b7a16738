extension GoalParser {
    /// The goal phrases of a message: lexicon matches with debt objects resolved, weak nouns without a cue dropped,
    /// and the "save for <something>" and "save $X" fallbacks.
    static func candidates(in context: GoalContext) -> [GoalCandidate] {
        let matches = GoalLexicon.table.bestMatches(in: context.tokens)
        var candidates = resolveDebtObjects(matches, in: context)
        let cued = context.cuedSentences
        candidates.removeAll { $0.isWeak && !cued.contains(context.clauses.sentence[$0.tokens.lowerBound]) }
        candidates += purposeFallbacks(avoiding: matches, in: context)
        if !candidates.contains(where: { !$0.isNegated }), let savings = savingsFallback(in: context) {
            candidates.append(savings)
        }
        return candidates.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }.map { titled($0, in: context) }
    }

    private static func candidate(_ match: PhraseMatch<GoalPhrase>, in context: GoalContext) -> GoalCandidate {
        GoalCandidate(
            kind: match.value.kind, title: match.value.title, specificity: match.length, tokens: match.tokens,
            isWeak: match.value.isWeak,
            isNegated: Negation.isNegated(match.tokens.lowerBound, in: context.tokens, clauses: context.clauses))
    }

    /// "pay off my car" → a car loan: a debt verb turns the goal right after it (same clause, within four words)
    /// into a debt and vouches for it; a verb with no such object is a debt goal of its own.
    private static func resolveDebtObjects(
        _ matches: [PhraseMatch<GoalPhrase>], in context: GoalContext
    )
        -> [GoalCandidate]
    {
        var candidates = matches.map { candidate($0, in: context) }
        var absorbed = Set<Int>()
        for (verbIndex, verb) in matches.enumerated() where verb.value.isDebtVerb {
            guard let objectIndex = debtObject(of: verb, in: matches, context) else { continue }
            var object = candidates[objectIndex]
            if let title = GoalLexicon.debtTitles[object.kind] {
                object.kind = .debtPayoff
                object.title = title
            }
            guard object.kind == .debtPayoff else { continue }
            object.isWeak = false
            object.isNegated = object.isNegated || candidates[verbIndex].isNegated
            candidates[objectIndex] = object
            absorbed.insert(verbIndex)
        }
        return candidates.enumerated().filter { !absorbed.contains($0.offset) }.map(\.element)
    }

    /// The index of the first goal phrase within four words after `verb`, in its clause.
    private static func debtObject(
        of verb: PhraseMatch<GoalPhrase>, in matches: [PhraseMatch<GoalPhrase>], _ context: GoalContext
    ) -> Int? {
        let clause = context.clauses.clause[verb.tokens.lowerBound]
        return matches.indices.first { index in
            let start = matches[index].tokens.lowerBound
            return !matches[index].value.isDebtVerb
                && (verb.tokens.upperBound...verb.tokens.upperBound + 4).contains(start)
                && context.clauses.clause[start] == clause
        }
    }

    /// "save $3,000 for a new couch": an `other` goal named by what follows "for", when no known goal does.
    private static func purposeFallbacks(
        avoiding matches: [PhraseMatch<GoalPhrase>], in context: GoalContext
    )
        -> [GoalCandidate]
    {
        let tokens = context.tokens
        return tokens.indices.compactMap { index -> GoalCandidate? in
            guard GoalLexicon.purposeWords.contains(tokens[index].text), hasSaveVerb(before: index, in: context),
                !matches.contains(where: { (index + 1...index + 4).contains($0.tokens.lowerBound) }),
                let name = GoalTitles.purpose(after: index + 1, in: context)
            else { return nil }
            return GoalCandidate(
                kind: .other, title: name.title, specificity: 1, tokens: name.tokens, isWeak: false,
                isNegated: Negation.isNegated(index, in: tokens, clauses: context.clauses))
        }
    }

    private static func hasSaveVerb(before index: Int, in context: GoalContext) -> Bool {
        (0..<index).contains { position in
            context.clauses.clause[position] == context.clauses.clause[index]
                && GoalLexicon.setAsideVerbs.contains(context.tokens[position].text)
        }
    }

    /// "I want to save $10k by next year": a goal with a target but no purpose.
    private static func savingsFallback(in context: GoalContext) -> GoalCandidate? {
        for (amount, start) in context.amounts where amount.per == nil && GoalContext.isTargetLike(amount) {
            let sentence = context.clauses.sentence[start]
            guard
                let verb = (0..<start).last(where: {
                    context.clauses.sentence[$0] == sentence
                        && GoalLexicon.savingVerbs.contains(context.tokens[$0].text)
                })
            else { continue }
            return GoalCandidate(
                kind: .other, title: GoalKind.other.defaultTitle, specificity: 0, tokens: verb..<verb + 1,
                isWeak: false, isNegated: Negation.isNegated(verb, in: context.tokens, clauses: context.clauses))
        }
        return nil
    }

    private static func titled(_ candidate: GoalCandidate, in context: GoalContext) -> GoalCandidate {
        guard candidate.kind == .travel,
            candidate.title == "Trip" || candidate.title == "Travel" || candidate.title == "Vacation",
            let destination = GoalTitles.destination(after: candidate.tokens.upperBound, in: context)
        else { return candidate }
        var titled = candidate
        titled.title = "Trip to \(destination)"
        titled.specificity += 2
        return titled
    }
}
