extension AmountScanner {
    /// Whether a bare number (no currency, no scale) is something other than an amount: a spelled number with no
    /// scale, an ordinal, a year, a piece of a date, a duration or an age.
    func isExcludedNumber(_ start: Int, end: Int, spelled: Bool, spelledHasScale: Bool) -> Bool {
        if spelled { return !spelledHasScale }
        return isOrdinal(end) || isYear(start, end) || isDatePiece(start, end) || isDurationOrAge(start, end)
    }

    private func isOrdinal(_ end: Int) -> Bool {
        end < tokens.count && !tokens[end].followsSpace && AmountWords.ordinalSuffixes.contains(tokens[end].text)
    }

    private func isYear(_ start: Int, _ end: Int) -> Bool {
        guard end == start + 1, tokens[start].isPlainInteger, tokens[start].text.count == 4,
            let year = Int(tokens[start].text)
        else { return false }
        return (1900...2199).contains(year)
    }

    private func isDatePiece(_ start: Int, _ end: Int) -> Bool {
        let separators: Set<String> = ["/", "-", "."]
        if start > 0, separators.contains(tokens[start - 1].text), !tokens[start].followsSpace,
            start > 1, tokens[start - 2].kind == .number
        {
            return true
        }
        if end + 1 < tokens.count, separators.contains(tokens[end].text), !tokens[end].followsSpace,
            tokens[end + 1].kind == .number, !tokens[end + 1].followsSpace
        {
            return true
        }
        return isNextToMonth(start, end)
    }

    private func isNextToMonth(_ start: Int, _ end: Int) -> Bool {
        let connectors: Set<String> = ["of", "de", "del", "the"]
        var before = start - 1
        while before >= 0, connectors.contains(tokens[before].text) { before -= 1 }
        var after = end
        if after < tokens.count, tokens[after].isSymbol(".") { after += 1 }
        while after < tokens.count, connectors.contains(tokens[after].text) { after += 1 }
        let isMonth = { (index: Int) in
            index >= 0 && index < tokens.count && CalendarWords.months[tokens[index].text] != nil
        }
        return isMonth(before) || isMonth(after)
    }

    private func isDurationOrAge(_ start: Int, _ end: Int) -> Bool {
        var next = end
        if next < tokens.count, tokens[next].isSymbol("-") { next += 1 }
        if next < tokens.count, AmountWords.timeUnits.contains(tokens[next].text) { return true }
        return start > 0 && AmountWords.ageCues.contains(tokens[start - 1].text)
    }
}
