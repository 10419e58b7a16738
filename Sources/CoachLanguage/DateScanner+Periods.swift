import FinanceEngine

extension DateScanner {
    /// A calendar period a date can fall in.
    enum Period {
        case week(CivilDate)
        case month(year: Int, month: Int)
        case year(Int)
        case decade(Int)
    }

    /// "next year", "this year", "next month", "next week", "el año que viene", "nächstes Jahr", "year end".
    func period(at index: Int) -> Match? {
        if let yearEnd = CalendarWords.yearEnd.longestMatch(startingAt: index, in: tokens) {
            return resolve(.year(today.year), part: .end, end: yearEnd.tokens.upperBound)
        }
        if word(index) == "tomorrow" || word(index) == "manana" {
            return Match(date: today.adding(days: 1), precision: .day, end: index + 1)
        }
        guard let (period, end) = namedPeriod(at: index, requireModifier: true) else { return nil }
        return resolve(period, part: nil, end: end)
    }

    /// "end of next year", "mid 2028", "the beginning of June", "fin de l'année", "Ende 2028".
    func partOfPeriod(at index: Int) -> Match? {
        var cursor = index
        if word(cursor) == "the" { cursor += 1 }
        guard let part = CalendarWords.periodParts.longestMatch(startingAt: cursor, in: tokens) else { return nil }
        cursor = part.tokens.upperBound
        while cursor < tokens.count, cursor < part.tokens.upperBound + 3,
            CalendarWords.periodConnectors.contains(tokens[cursor].text) || tokens[cursor].isSymbol("-")
        {
            cursor += 1
        }
        guard let (period, end) = namedPeriod(at: cursor, requireModifier: false) ?? numberedPeriod(at: cursor) else {
            return nil
        }
        return resolve(period, part: part.value, end: end)
    }

    /// "next year", "this month", "the year" (with `requireModifier` false), "year que viene".
    private func namedPeriod(at index: Int, requireModifier: Bool) -> (Period, Int)? {
        var cursor = index
        var offset = 0
        if let word = word(cursor), CalendarWords.next.contains(word) {
            offset = 1
            cursor += 1
        } else if let word = word(cursor), CalendarWords.this.contains(word) {
            cursor += 1
        } else if requireModifier {
            return unitThenNext(at: index)
        }
        guard let unit = word(cursor).flatMap({ CalendarWords.units[$0] }) else { return nil }
        if offset == 0, let next = CalendarWords.nextAfterUnit.longestMatch(startingAt: cursor + 1, in: tokens) {
            return period(unit, offset: 1).map { ($0, next.tokens.upperBound) }
        }
        return period(unit, offset: offset).map { ($0, cursor + 1) }
    }

    /// "año que viene", "année prochaine", "anno prossimo".
    private func unitThenNext(at index: Int) -> (Period, Int)? {
        guard let unit = word(index).flatMap({ CalendarWords.units[$0] }),
            let next = CalendarWords.nextAfterUnit.longestMatch(startingAt: index + 1, in: tokens)
        else { return nil }
        return period(unit, offset: 1).map { ($0, next.tokens.upperBound) }
    }

    private func period(_ unit: CalendarWords.Unit, offset: Int) -> Period? {
        switch unit {
        case .day: nil
        case .week: .week(today.adding(days: 7 * offset))
        case .month: .month(year: today.adding(months: offset).year, month: today.adding(months: offset).month)
        case .year: .year(today.year + offset)
        case .decade: .decade((today.year / 10 + offset) * 10)
        }
    }

    /// "2028", "June", "June 2028" after a period part.
    private func numberedPeriod(at index: Int) -> (Period, Int)? {
        if let year = year(index) { return (.year(year), index + 1) }
        guard let month = word(index).flatMap({ CalendarWords.months[$0] }) else { return nil }
        var cursor = index + 1
        while let word = word(cursor), ["de", "of", "del"].contains(word) { cursor += 1 }
        if let year = year(cursor) { return (.month(year: year, month: month), cursor + 1) }
        let end = nextMonthEnd(month) ?? today
        return (.month(year: end.year, month: month), index + 1)
    }

    private func resolve(_ period: Period, part: PeriodPart?, end: Int) -> Match? {
        switch period {
        case .week(let day):
            let weekday = ((day.daysSinceEpoch + 3) % 7 + 7) % 7
            return Match(date: day.adding(days: 6 - weekday), precision: .day, end: end)
        case .month(let year, let month):
            guard let first = CivilDate(year: year, month: month, day: 1) else { return nil }
            let day = [PeriodPart.start: 1, .early: 10, .middle: 15][part ?? .end] ?? first.endOfMonth.day
            return CivilDate(year: year, month: month, day: day).map {
                Match(date: $0, precision: part == nil || part == .end ? .month : .day, end: end)
            }
        case .year(let year):
            return yearMatch(year, part: part, end: end)
        case .decade(let start):
            return yearMatch(part == .start || part == .early ? start : start + 9, part: part ?? .end, end: end)
        }
    }

    private func yearMatch(_ year: Int, part: PeriodPart?, end: Int) -> Match? {
        let (month, day) = [PeriodPart.start: (1, 1), .early: (3, 31), .middle: (6, 30)][part ?? .end] ?? (12, 31)
        return CivilDate(year: year, month: month, day: day).map {
            Match(date: $0, precision: part == nil || part == .end ? .year : .month, end: end)
        }
    }
}
