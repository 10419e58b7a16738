/// A message cut into sentences (at `.`, `!`, `?`, `;`) and clauses (also at `,`, `:` and conjunctions such as
/// "and", "but", "y", "et", "und"), so that what is said near a goal can be tied to it.
struct Clauses {
    /// The clause of each token.
    let clause: [Int]
    /// The sentence of each token.
    let sentence: [Int]

    static let sentenceEnds: Set<String> = [".", "!", "?", ";", "…"]
    static let clauseBreaks: Set<String> = [",", ":", "(", ")", "—", "–"]
    static let conjunctions: Set<String> = [
        "and", "also", "plus", "then", "but", "or", "while", "whereas", "y", "pero", "e", "et", "mais", "ou", "und",
        "aber", "oder", "ma", "mas", "porem",
    ]

    init(_ tokens: [Token]) {
        var clause = [Int]()
        var sentence = [Int]()
        var currentClause = 0
        var currentSentence = 0
        for token in tokens {
            let endsSentence = token.kind == .symbol && Clauses.sentenceEnds.contains(token.text)
            let breaksClause =
                token.kind == .symbol
                ? Clauses.clauseBreaks.contains(token.text) : Clauses.conjunctions.contains(token.text)
            if breaksClause || endsSentence { currentClause += 1 }
            clause.append(currentClause)
            sentence.append(currentSentence)
            if endsSentence { currentSentence += 1 }
        }
        self.clause = clause
        self.sentence = sentence
    }

    /// How far apart two tokens are for tying one to the other: same clause first, then earlier clauses of the same
    /// sentence, later ones, then other sentences (earlier before later); token distance breaks ties.
    func affinity(of item: Int, to anchor: Int) -> (tier: Int, distance: Int) {
        let distance = item >= anchor ? item - anchor : (anchor - item) + 10_000
        if clause[item] == clause[anchor] { return (0, abs(item - anchor)) }
        if sentence[item] == sentence[anchor] { return (1, distance) }
        return (2, distance)
    }
}
