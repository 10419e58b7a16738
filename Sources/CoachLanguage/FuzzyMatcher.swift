/// How closely a word of a message matched a word of a lexicon.
public enum MatchQuality: Hashable, Sendable, Comparable {
    /// The same letters, after normalization.
    case exact
    /// A likely misspelling: within ``FuzzyMatcher/allowedEdits(for:)`` edits.
    case fuzzy
}

/// Decides whether a word is a misspelling of a lexicon word.
///
/// The rule: both words have at least 4 letters; the lexicon word allows 1 edit when it has 4–7 letters and 2 edits
/// from 8 letters (an edit inserts, deletes or replaces a letter, or swaps two neighbours: Damerau–Levenshtein,
/// optimal string alignment); the first letter is kept (or swapped with the second); and the message's word is not
/// itself a word Plutus knows (``Vocabulary``), so "safe" never becomes "save".
public enum FuzzyMatcher {
    /// The optimal-string-alignment Damerau–Levenshtein distance between `lhs` and `rhs`.
    public static func distance(_ lhs: String, _ rhs: String) -> Int {
        let left = FuzzyWord(lhs)
        let right = FuzzyWord(rhs)
        return distance(left.letters, right.letters, limit: max(left.letters.count, right.letters.count))
    }

    /// The edits a misspelling of `keyword` may have: none under 4 letters, 1 up to 7, 2 from 8.
    public static func allowedEdits(for keyword: String) -> Int {
        allowedEdits(letters: FuzzyWord(keyword).letters.count)
    }

    static func allowedEdits(letters: Int) -> Int {
        switch letters {
        case ..<4: 0
        case 4...7: 1
        default: 2
        }
    }

    /// How `word` (from a message) matches `keyword` (from a lexicon), or `nil` when it does not.
    public static func match(_ word: String, _ keyword: String) -> MatchQuality? {
        if word == keyword { return .exact }
        return isMisspelling(word, of: keyword) ? .fuzzy : nil
    }

    /// Whether `word` is plausibly `keyword` mistyped (see the type's rule).
    public static func isMisspelling(_ word: String, of keyword: String) -> Bool {
        !Vocabulary.isKnown(word) && isMisspelling(FuzzyWord(word), of: FuzzyWord(keyword))
    }

    /// Whether `word`, already known not to be in the ``Vocabulary``, is plausibly `keyword` mistyped.
    static func isMisspelling(_ word: FuzzyWord, of keyword: FuzzyWord) -> Bool {
        let allowed = keyword.allowedEdits
        let left = word.letters
        let right = keyword.letters
        guard allowed > 0, left.count >= 4, abs(left.count - right.count) <= allowed,
            left[0] == right[0] || (left[0] == right[1] && left[1] == right[0])
        else { return false }
        return distance(left, right, limit: allowed) <= allowed
    }

    /// The distance between `left` and `right`, or any number above `limit` once it must exceed it.
    private static func distance(_ left: [Unicode.Scalar], _ right: [Unicode.Scalar], limit: Int) -> Int {
        guard !left.isEmpty else { return right.count }
        guard !right.isEmpty else { return left.count }
        let width = right.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            var previous2 = 0
            var previous = width
            var current = 2 * width
            for column in 0..<width {
                rows[previous + column] = column
                rows[previous2 + column] = 0
            }
            var previousMinimum = 0
            for row in 1...left.count {
                rows[current] = row
                var rowMinimum = row
                for column in 1..<width {
                    let cost = left[row - 1] == right[column - 1] ? 0 : 1
                    var value = min(
                        rows[previous + column] + 1, rows[current + column - 1] + 1, rows[previous + column - 1] + cost)
                    if row > 1, column > 1, left[row - 1] == right[column - 2], left[row - 2] == right[column - 1] {
                        value = min(value, rows[previous2 + column - 2] + 1)
                    }
                    rows[current + column] = value
                    rowMinimum = min(rowMinimum, value)
                }
                // A later row's cells come from this row, or the one before it plus a swap.
                if rowMinimum > limit, previousMinimum + 1 > limit { return limit + 1 }
                previousMinimum = rowMinimum
                (previous2, previous, current) = (previous, current, previous2)
            }
            return rows[previous + width - 1]
        }
    }
}

/// A word as the fuzzy matcher compares it: its letters (Unicode scalars of normalized text) and, as a lexicon
/// word, the edits a misspelling of it may have.
struct FuzzyWord: Sendable {
    let letters: [Unicode.Scalar]
    let allowedEdits: Int

    init(_ word: String) {
        letters = Array(word.unicodeScalars)
        allowedEdits = FuzzyMatcher.allowedEdits(letters: letters.count)
    }
}
