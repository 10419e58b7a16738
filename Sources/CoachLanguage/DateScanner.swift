import FinanceEngine

/// Tries each date rule at a token position.
struct DateScanner {
    let tokens: [Token]
    let today: CivilDate

    /// A date read from tokens: the day, how precise it was, and the index after it.
    struct Match {
        var date: CivilDate
        var precision: DatePrecision
        var end: Int
        var isPast = false
    }

    /// The date that starts at `index`, trying the most specific rules first.
    func match(at index: Int) -> Match? {
        numeric(at: index) ?? holiday(at: index) ?? season(at: index) ?? partOfPeriod(at: index)
            ?? relative(at: index) ?? period(at: index) ?? monthName(at: index) ?? bareYear(at: index)
    }

    // MARK: Token helpers

    func word(_ index: Int) -> String? {
        index >= 0 && index < tokens.count && tokens[index].kind == .word ? tokens[index].text : nil
    }

    func integer(_ index: Int, digits: ClosedRange<Int>) -> Int? {
        guard index < tokens.count, tokens[index].isPlainInteger, digits.contains(tokens[index].text.count) else {
            return nil
        }
        return Int(tokens[index].text)
    }

    func year(_ index: Int) -> Int? {
        guard let year = integer(index, digits: 4...4), (1900...2199).contains(year) else { return nil }
        return year
    }

    /// Whether `index` holds the symbol `symbol` typed right after the previous token.
    func attachedSymbol(_ index: Int, _ symbol: String) -> Bool {
        index < tokens.count && tokens[index].isSymbol(symbol) && !tokens[index].followsSpace
    }

    /// Whether the word before `index` makes a bare month or year a date ("by June", "in 2030").
    func hasLead(_ index: Int) -> Bool {
        guard let previous = word(index - 1) else { return false }
        return CalendarWords.dateLeads.contains(previous)
    }

    /// The next day on or after today that is `month`/`day` in some year.
    func nextOccurrence(month: Int, day: Int) -> CivilDate? {
        for year in today.year...(today.year + 4) {
            if let date = CivilDate(year: year, month: month, day: day), date >= today { return date }
        }
        return nil
    }

    /// The end of the next `month` whose last day is today or later.
    func nextMonthEnd(_ month: Int) -> CivilDate? {
        guard let thisYear = CivilDate(year: today.year, month: month, day: 1) else { return nil }
        return thisYear.endOfMonth >= today ? thisYear.endOfMonth : thisYear.adding(months: 12).endOfMonth
    }
}
