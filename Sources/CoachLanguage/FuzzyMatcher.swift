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
        let left = Array(lhs)
        let right = Array(rhs)
        guard !left.isEmpty else { return right.count }
        guard !right.isEmpty else { return left.count }
        var previous2 = [Int](repeating: 0, count: right.count + 1)
        var previous = Array(0...right.count)
        for row in 1...left.count {
            var current = [row] + [Int](repeating: 0, count: right.count)
            for column in 1...right.count {
                let cost = left[row - 1] == right[column - 1] ? 0 : 1
                current[column] = min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost)
                if row > 1, column > 1, left[row - 1] == right[column - 2], left[row - 2] == right[column - 1] {
                    current[column] = min(current[column], previous2[column - 2] + 1)
                }
            }
            previous2 = previous
            previous = current
        }
        return previous[right.count]
    }

    /// The edits a misspelling of `keyword` may have: none under 4 letters, 1 up to 7, 2 from 8.
    public static func allowedEdits(for keyword: String) -> Int {
        switch keyword.count {
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
        let allowed = allowedEdits(for: keyword)
        guard allowed > 0, word.count >= 4, abs(word.count - keyword.count) <= allowed,
            keepsFirstLetter(word, keyword), !Vocabulary.isKnown(word)
        else { return false }
        return distance(word, keyword) <= allowed
    }

    private static func keepsFirstLetter(_ word: String, _ keyword: String) -> Bool {
        let left = Array(word.prefix(2))
        let right = Array(keyword.prefix(2))
        return left.first == right.first || left == right.reversed()
    }
}
