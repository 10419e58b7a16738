import FinanceEngine

/// A message read once for the goal parser: its tokens, clauses, amounts, dates and priority words.
struct GoalContext {
    let message: String
    let tokens: [Token]
    let clauses: Clauses
    let amounts: [(amount: ParsedAmount, start: Int)]
    let dates: [(date: ParsedDate, start: Int)]
    /// Down-payment shares: "20% down" is 0.2, with the token index of its number.
    let downPayments: [(share: Double, start: Int)]

    init(message: String, today: CivilDate) {
        self.init(message: message, tokens: TextNormalizer.tokens(in: message), today: today)
    }

    /// Without `today` no dates are read (enough for finding goal phrases).
    init(message: String, tokens: [Token], today: CivilDate?) {
        self.message = message
        self.tokens = tokens
        self.clauses = Clauses(tokens)
        let scan = AmountParser.scan(tokens, in: message)
        self.amounts = Array(zip(scan.amounts, scan.amountStarts))
        self.downPayments = zip(scan.percentages, scan.percentageEnds).compactMap { percentage, end in
            guard end < tokens.count, ["down", "deposit", "downpayment"].contains(tokens[end].text),
                (1...60).contains(percentage.value)
            else { return nil }
            return (
                percentage.value / 100, tokens.firstIndex { $0.range.lowerBound == percentage.range.lowerBound } ?? end
            )
        }
        self.dates = today.map { DateParser.scan(tokens, in: message, today: $0) } ?? []
    }

    /// Whether an amount could be a goal's target: money, or a bare number of at least 100.
    static func isTargetLike(_ amount: ParsedAmount) -> Bool {
        amount.isCurrency || amount.cents >= 10_000
    }

    /// The sentences with a goal cue: a cue word, a target-like amount or a future date.
    var cuedSentences: Set<Int> {
        var sentences = Set(GoalLexicon.cues.bestMatches(in: tokens).map { clauses.sentence[$0.tokens.lowerBound] })
        sentences.formUnion(amounts.filter { GoalContext.isTargetLike($0.amount) }.map { clauses.sentence[$0.start] })
        sentences.formUnion(dates.filter { !$0.date.isPast }.map { clauses.sentence[$0.start] })
        return sentences
    }

    /// The original text of tokens `range`, as typed.
    func original(_ range: Range<Int>) -> String {
        String(message[tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound])
    }
}
