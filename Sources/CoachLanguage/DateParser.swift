public import FinanceEngine

/// Finds target dates in a message and resolves them against `today`.
///
/// Rules, with `today` = 2026-11-25:
/// - A day is that day: "2028-06-01", "June 5, 2028", "5 juin 2028", "01.06.2028" (day first with dots), "6/5/2028"
///   (US month/day; day/month when the first number is over 12). A day with no year is its next occurrence.
/// - A month resolves to its **last day** (a target "by June 2028" means "before June is out"): "by June 2028" →
///   2028-06-30, "06/2028", "in June" → 2027-06-30 (the next June still to come).
/// - A year resolves to **December 31**: "by 2030" → 2030-12-31, "next year" → 2027-12-31, "end of next year".
///   Parts of a period: "beginning of" → its first day, "early" → Mar 31 (10th of a month), "mid" → Jun 30 (15th),
///   "late"/"end of" → its last day.
/// - A season resolves to the last day of its middle month (northern hemisphere): spring Apr 30, summer Jul 31,
///   fall Oct 31, winter Jan 31 of the year after its December. "next summer" is the first summer that starts after
///   today (2027-07-31); "this/by summer" the first whose date is still ahead.
/// - Relative dates count from today: "in 18 months" → 2028-05-25, "in five years", "within 3 years",
///   "in two and a half years" (30 months), "in a decade", "3 years from now"; "2 years ago" is past.
/// - Holidays: Christmas (Dec 25), New Year (Jan 1), New Year's Eve, Thanksgiving (4th Thursday of November)…,
///   their next occurrence.
/// A bare month or year needs a word before it ("by", "in", "until", "en", "bis", …) so "I may" and "2028 people"
/// are not dates. Past dates are returned with ``ParsedDate/isPast`` set, never dropped.
public enum DateParser {
    /// The first date in `text` (past or not), or `nil` when there is none.
    public static func date(in text: String, today: CivilDate) -> ParsedDate? {
        dates(in: text, today: today).first
    }

    /// Every date in `text`, in order.
    public static func dates(in text: String, today: CivilDate) -> [ParsedDate] {
        scan(TextNormalizer.tokens(in: text), in: text, today: today).map(\.date)
    }

    /// The dates of already tokenized text, with the token index each starts at.
    static func scan(_ tokens: [Token], in text: String, today: CivilDate) -> [(date: ParsedDate, start: Int)] {
        let scanner = DateScanner(tokens: tokens, today: today)
        var found: [(date: ParsedDate, start: Int)] = []
        var index = 0
        while index < tokens.count {
            guard let match = scanner.match(at: index) else {
                index += 1
                continue
            }
            let range = tokens[index].range.lowerBound..<tokens[match.end - 1].range.upperBound
            let parsed = ParsedDate(
                date: match.date, precision: match.precision, text: String(text[range]), range: range,
                isPast: match.isPast || match.date < today)
            found.append((parsed, index))
            index = match.end
        }
        return found
    }
}
