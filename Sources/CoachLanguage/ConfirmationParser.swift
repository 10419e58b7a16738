public import FinanceEngine

/// Reads a reply to a proposal: yes, no, or a correction.
///
/// A correction is a correction cue ("change it to", "make it", "actually", "instead", "how about") with an amount
/// or a date, or a short reply (six words at most) that is nothing but an amount or a date ("$25k?", "2029 then");
/// a year on its own counts as a date here ("maybe 2028 instead" → December 31, 2028).
/// Otherwise the first yes or no phrase decides; a negated yes ("don't save it") is a no.
public enum ConfirmationParser {
    /// The reply in `message`, or `nil` when it is neither yes, no nor a correction.
    public static func reply(in message: String, today: CivilDate) -> ConfirmationReply? {
        let tokens = TextNormalizer.tokens(in: message)
        let amount = AmountParser.scan(tokens, in: message).amounts.first {
            $0.per == nil && GoalContext.isTargetLike($0)
        }
        let date =
            DateParser.scan(tokens, in: message, today: today).first { !$0.date.isPast }?.date.date
            ?? bareYear(in: tokens).flatMap { CivilDate(year: $0, month: 12, day: 31) }.flatMap {
                $0 >= today ? $0 : nil
            }
        let signals = signals(in: tokens, hasAmountOrDate: amount != nil || date != nil)
        if signals.isCorrection { return .correction(amountCents: amount?.cents, targetDate: date) }
        return signals.first
    }

    /// A year standing alone ("maybe 2028 instead"): in a reply to a proposal it can only be the new target year.
    static func bareYear(in tokens: [Token]) -> Int? {
        tokens.lazy.compactMap { $0.isPlainInteger && $0.text.count == 4 ? Int($0.text) : nil }
            .first { (1900...2199).contains($0) }
    }

    /// Yes/no evidence in `tokens`, for this parser and the route classifier.
    static func signals(in tokens: [Token], hasAmountOrDate: Bool) -> ConfirmationSignals {
        let clauses = Clauses(tokens)
        var signals = ConfirmationSignals()
        for match in ConfirmationLexicon.table.bestMatches(in: tokens) {
            let negated = Negation.isNegated(match.tokens.lowerBound, in: tokens, clauses: clauses)
            signals.add(match.value, negated: negated)
        }
        let words = tokens.filter { $0.kind != .symbol }.count
        let bare = signals.first == nil && !signals.hasCorrectionCue && words <= 6
        signals.isCorrection = hasAmountOrDate && (signals.hasCorrectionCue || bare)
        return signals
    }
}

/// What a message says as a reply to a proposal.
struct ConfirmationSignals {
    var confirm = 0.0
    var decline = 0.0
    var hasCorrectionCue = false
    var isCorrection = false
    /// The first yes or no said.
    var first: ConfirmationReply?

    mutating func add(_ phrase: ConfirmationPhrase, negated: Bool) {
        switch (phrase.kind, negated) {
        case (.correct, _):
            hasCorrectionCue = true
        case (.confirm, false):
            confirm += phrase.weight
            first = first ?? .confirm
        case (.confirm, true), (.decline, _):
            decline += phrase.weight
            first = first ?? .decline
        }
    }
}
