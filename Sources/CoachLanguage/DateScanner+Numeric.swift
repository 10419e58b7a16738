import FinanceEngine

extension DateScanner {
    /// Dates written with digits only: "2028-06-01", "2028-06", "06/2028", "6/5/2028", "2028/06/01", "01.06.2028".
    func numeric(at index: Int) -> Match? {
        guard index < tokens.count, tokens[index].kind == .number else { return nil }
        if index > 0, ["$", "€", "£"].contains(tokens[index - 1].text) { return nil }
        let continuesNumericDate =
            index >= 2 && tokens[index - 2].kind == .number
            && (attachedSymbol(index - 1, "/") || attachedSymbol(index - 1, "-")) && !tokens[index].followsSpace
        if continuesNumericDate { return nil }
        return dotted(at: index) ?? yearFirst(at: index) ?? monthOrUSDayFirst(at: index)
    }

    /// `D.M.YYYY`, read as one number token.
    private func dotted(at index: Int) -> Match? {
        let parts = tokens[index].text.split(separator: ".")
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
            let date = CivilDate(year: year, month: month, day: day)
        else { return nil }
        return Match(date: date, precision: .day, end: index + 1)
    }

    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY/MM/DD`, `YYYY/MM`.
    private func yearFirst(at index: Int) -> Match? {
        guard let year = year(index) else { return nil }
        for separator in ["-", "/"] {
            guard attachedSymbol(index + 1, separator), let month = integer(index + 2, digits: 1...2),
                !tokens[index + 2].followsSpace
            else { continue }
            if attachedSymbol(index + 3, separator), let day = integer(index + 4, digits: 1...2),
                !tokens[index + 4].followsSpace
            {
                return CivilDate(year: year, month: month, day: day).map {
                    Match(date: $0, precision: .day, end: index + 5)
                }
            }
            return CivilDate(year: year, month: month, day: 1).map {
                Match(date: $0.endOfMonth, precision: .month, end: index + 3)
            }
        }
        return nil
    }

    /// `MM/YYYY`, and `M/D/YYYY` (US order; day first when the first number is over 12), two-digit years as 20YY.
    private func monthOrUSDayFirst(at index: Int) -> Match? {
        guard let first = integer(index, digits: 1...2), attachedSymbol(index + 1, "/"), index + 2 < tokens.count,
            !tokens[index + 2].followsSpace
        else { return nil }
        if let year = year(index + 2) {
            return CivilDate(year: year, month: first, day: 1).map {
                Match(date: $0.endOfMonth, precision: .month, end: index + 3)
            }
        }
        guard let second = integer(index + 2, digits: 1...2), attachedSymbol(index + 3, "/"),
            index + 4 < tokens.count, !tokens[index + 4].followsSpace,
            let year = year(index + 4) ?? integer(index + 4, digits: 2...2).map({ 2000 + $0 })
        else { return nil }
        let (month, day) = first > 12 ? (second, first) : (first, second)
        return CivilDate(year: year, month: month, day: day).map { Match(date: $0, precision: .day, end: index + 5) }
    }
}
