import FinanceEngine

extension DateScanner {
    /// A stretch of time: a count of units.
    struct Duration {
        var count: Double
        var unit: CalendarWords.Unit
        var end: Int
    }

    /// "in 5 years", "within 18 months", "in the next 3 years", "dans deux ans", "3 years from now", "2 years ago".
    func relative(at index: Int) -> Match? {
        if let word = word(index), CalendarWords.relativeLeads.contains(word) {
            return relativeAfterLead(index + 1)
        }
        guard let duration = duration(at: index) else { return nil }
        if let fromNow = CalendarWords.fromNow.longestMatch(startingAt: duration.end, in: tokens) {
            return resolve(duration, sign: 1, end: fromNow.tokens.upperBound)
        }
        guard let ago = word(duration.end), CalendarWords.ago.contains(ago) else { return nil }
        return resolve(duration, sign: -1, end: duration.end + 1)
    }

    private func relativeAfterLead(_ start: Int) -> Match? {
        var cursor = start
        var sawNext = false
        while let word = word(cursor), CalendarWords.relativeFillers.contains(word), cursor < start + 3 {
            sawNext = sawNext || word == "next" || CalendarWords.next.contains(word)
            cursor += 1
        }
        if let duration = duration(at: cursor) {
            let fromNow = CalendarWords.fromNow.longestMatch(startingAt: duration.end, in: tokens)
            return resolve(duration, sign: 1, end: fromNow?.tokens.upperBound ?? duration.end)
        }
        guard sawNext, let unit = word(cursor).flatMap({ CalendarWords.units[$0] }) else { return nil }
        return resolve(Duration(count: 1, unit: unit, end: cursor + 1), sign: 1, end: cursor + 1)
    }

    /// A count and a unit at `index`: "5 years", "18 months", "two and a half years", "a decade", "1.5 years",
    /// "a year and a half".
    func duration(at index: Int) -> Duration? {
        guard let (count, afterCount) = count(at: index),
            let unit = word(afterCount).flatMap({ CalendarWords.units[$0] })
        else { return nil }
        var duration = Duration(count: count, unit: unit, end: afterCount + 1)
        if let half = CalendarWords.andAHalf.longestMatch(startingAt: duration.end, in: tokens) {
            duration.count += 0.5
            duration.end = half.tokens.upperBound
        }
        return duration
    }

    private func count(at index: Int) -> (Double, Int)? {
        guard index < tokens.count else { return nil }
        if tokens[index].kind == .number {
            return NumberLiteral.value(of: tokens[index].text).map { ($0, index + 1) }
        }
        if let article = word(index), ["a", "an"].contains(article),
            word(index + 1).flatMap({ CalendarWords.units[$0] }) != nil
        {
            return (1, index + 1)
        }
        return NumberWords.parse(tokens, from: index).map { ($0.value, $0.end) }
    }

    private func resolve(_ duration: Duration, sign: Int, end: Int) -> Match? {
        let months: Double
        switch duration.unit {
        case .day: return byDays(duration.count, sign: sign, end: end)
        case .week: return byDays(duration.count * 7, sign: sign, end: end)
        case .month: months = duration.count
        case .year: months = duration.count * 12
        case .decade: months = duration.count * 120
        }
        let whole = Int(months.rounded())
        guard whole > 0, whole <= 1_200 else { return nil }
        let precision: DatePrecision = duration.unit == .month || whole % 12 != 0 ? .month : .year
        return Match(date: today.adding(months: sign * whole), precision: precision, end: end, isPast: sign < 0)
    }

    private func byDays(_ days: Double, sign: Int, end: Int) -> Match? {
        let whole = Int(days.rounded())
        guard whole > 0, whole <= 36_500 else { return nil }
        return Match(date: today.adding(days: sign * whole), precision: .day, end: end, isPast: sign < 0)
    }
}
