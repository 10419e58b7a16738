import FinanceEngine

extension DateScanner {
    /// "June 5, 2028", "June 5th", "5 June 2028", "5th of June", "5 de junio de 2028", "June 2028", "by June".
    func monthName(at index: Int) -> Match? {
        dayFirst(at: index) ?? monthThenDayOrYear(at: index)
    }

    private func month(_ index: Int) -> Int? { word(index).flatMap { CalendarWords.months[$0] } }

    /// A day of the month at `index` ("5", "5th", "5."), and the index after it.
    private func dayOfMonth(_ index: Int) -> (day: Int, end: Int)? {
        guard let day = integer(index, digits: 1...2), (1...31).contains(day) else { return nil }
        var end = index + 1
        if end < tokens.count, !tokens[end].followsSpace,
            AmountWords.ordinalSuffixes.contains(tokens[end].text) || tokens[end].isSymbol(".")
        {
            end += 1
        }
        return (day, end)
    }

    /// A year after a month or day, past "de"/"of"/","; with the index after it.
    private func trailingYear(_ index: Int) -> (year: Int, end: Int)? {
        var cursor = index
        while cursor < tokens.count, ["de", "of", ",", "del"].contains(tokens[cursor].text) { cursor += 1 }
        return year(cursor).map { ($0, cursor + 1) }
    }

    private func dayFirst(at index: Int) -> Match? {
        guard let (day, afterDay) = dayOfMonth(index) else { return nil }
        var cursor = afterDay
        if ["of", "de"].contains(word(cursor)) { cursor += 1 }
        guard let month = month(cursor) else { return nil }
        return dated(month: month, day: day, after: cursor + 1)
    }

    private func monthThenDayOrYear(at index: Int) -> Match? {
        guard let month = month(index) else { return nil }
        if let (day, afterDay) = dayOfMonth(index + 1), let match = dated(month: month, day: day, after: afterDay) {
            return match
        }
        if let (year, end) = trailingYear(index + 1) {
            return CivilDate(year: year, month: month, day: 1).map {
                Match(date: $0.endOfMonth, precision: .month, end: end)
            }
        }
        guard hasLead(index) else { return nil }
        return nextMonthEnd(month).map { Match(date: $0, precision: .month, end: index + 1) }
    }

    /// A day of `month`, in the year that follows at `after` or else its next occurrence.
    private func dated(month: Int, day: Int, after: Int) -> Match? {
        if let (year, end) = trailingYear(after) {
            return CivilDate(year: year, month: month, day: day).map { Match(date: $0, precision: .day, end: end) }
        }
        return nextOccurrence(month: month, day: day).map { Match(date: $0, precision: .day, end: after) }
    }

    /// "by 2030", "in 2030", "bis 2030": December 31 of the year.
    func bareYear(at index: Int) -> Match? {
        guard let year = year(index), hasLead(index), let date = CivilDate(year: year, month: 12, day: 31) else {
            return nil
        }
        return Match(date: date, precision: .year, end: index + 1)
    }

    /// "by Christmas", "Christmas 2027", "Thanksgiving".
    func holiday(at index: Int) -> Match? {
        guard let found = CalendarWords.holidays.longestMatch(startingAt: index, in: tokens) else { return nil }
        let end = found.tokens.upperBound
        if let year = year(end), let date = day(of: found.value, in: year) {
            return Match(date: date, precision: .day, end: end + 1)
        }
        let thisYear = day(of: found.value, in: today.year)
        let date = thisYear.flatMap { $0 >= today ? $0 : nil } ?? day(of: found.value, in: today.year + 1)
        return date.map { Match(date: $0, precision: .day, end: end) }
    }

    private func day(of holiday: Holiday, in year: Int) -> CivilDate? {
        switch holiday {
        case .fixed(let month, let day): return CivilDate(year: year, month: month, day: day)
        case .thanksgiving: return thanksgiving(year)
        case .blackFriday: return thanksgiving(year)?.adding(days: 1)
        }
    }

    /// The fourth Thursday of November (1970-01-01 was a Thursday).
    private func thanksgiving(_ year: Int) -> CivilDate? {
        guard let first = CivilDate(year: year, month: 11, day: 1) else { return nil }
        let offset = ((first.daysSinceEpoch % 7) + 7) % 7
        return first.adding(days: (7 - offset) % 7 + 21)
    }

    /// "next summer", "this winter", "by summer", "summer 2028", "l'été prochain".
    func season(at index: Int) -> Match? {
        var cursor = index
        let modifier = word(cursor).flatMap {
            CalendarWords.next.contains($0) ? "next" : CalendarWords.this.contains($0) ? "this" : nil
        }
        if modifier != nil { cursor += 1 }
        if word(cursor) == "the" { cursor += 1 }
        guard let name = word(cursor), let season = CalendarWords.seasons[name] else { return nil }
        cursor += 1
        if let (year, end) = trailingYear(cursor) {
            return Match(date: target(of: season, year: year), precision: .season, end: end)
        }
        let followedByNext = CalendarWords.nextAfterUnit.longestMatch(startingAt: cursor, in: tokens)
        if let followedByNext { cursor = followedByNext.tokens.upperBound }
        let isNext = modifier == "next" || followedByNext != nil
        guard isNext || modifier != nil || hasLead(index) || !CalendarWords.ambiguousSeasons.contains(name) else {
            return nil
        }
        return Match(date: upcoming(season, startingAfterToday: isNext), precision: .season, end: cursor)
    }

    /// The last day of the season's middle month; a winter belongs to the year of its December.
    private func target(of season: Season, year: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: 0).adding(months: (year - 1970) * 12 + season.rawValue).endOfMonth
    }

    private func upcoming(_ season: Season, startingAfterToday: Bool) -> CivilDate {
        for year in (today.year - 1)...(today.year + 2) {
            let start = CivilDate(daysSinceEpoch: 0).adding(months: (year - 1970) * 12 + season.rawValue - 1)
            if startingAfterToday ? start > today : target(of: season, year: year) >= today {
                return target(of: season, year: year)
            }
        }
        return target(of: season, year: today.year + 1)
    }
}
