/// A phrase of a lexicon found in a message's tokens.
struct PhraseMatch<Value: Sendable>: Sendable {
    /// What the lexicon says the phrase means.
    let value: Value
    /// The message tokens the phrase covers.
    let tokens: Range<Int>
    /// How many words the lexicon's phrase has: longer phrases are more specific.
    let length: Int
    /// Whether every word matched exactly.
    let quality: MatchQuality
}

/// A lexicon: phrases (normalized like messages) with what each means, matched word by word, forgiving
/// misspellings (``FuzzyMatcher``) and words run together or split apart ("networth", "pay check"). A phrase of one
/// word is forgiven a misspelling only from six letters ("retirment", not "dance" for "danke").
struct PhraseTable<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        let words: [String]
        /// The first word, and the first two run together, as the fuzzy matcher compares them.
        let fuzzyFirstWord: FuzzyWord
        let fuzzyFirstPair: FuzzyWord?
        let value: Value

        init(words: [String], value: Value) {
            self.words = words
            self.value = value
            fuzzyFirstWord = FuzzyWord(words[0])
            fuzzyFirstPair = words.count > 1 ? FuzzyWord(words[0] + words[1]) : nil
        }
    }

    private let entries: [Entry]
    /// Entries by first word, and by their first two words run together ("net worth" under "networth").
    private let byFirstWord: [String: [Int]]
    private let byFirstPair: [String: [Int]]
    /// Entries by the first letter of their first word: a misspelling keeps it (or swaps it with the second).
    private let byInitial: [Unicode.Scalar: [Int]]

    /// A one-word phrase is only matched misspelt when it is at least this long: short words have too many
    /// neighbours ("dance" is not "danke").
    static var shortestFuzzyWord: Int { 6 }

    /// Every word the phrases use, for ``Vocabulary``.
    let words: Set<String>

    /// A table of `phrases`, each normalized with ``TextNormalizer/tokens(in:)``.
    init(_ phrases: [(String, Value)]) {
        let entries = phrases.map { Entry(words: Tokenizer.tokens(in: $0.0).map(\.text), value: $0.1) }
            .filter { !$0.words.isEmpty }
        self.entries = entries
        var byFirstWord: [String: [Int]] = [:]
        var byFirstPair: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            byFirstWord[entry.words[0], default: []].append(index)
            if entry.words.count > 1 { byFirstPair[entry.words[0] + entry.words[1], default: []].append(index) }
        }
        self.byFirstWord = byFirstWord
        self.byFirstPair = byFirstPair
        self.byInitial = Dictionary(grouping: entries.indices) { entries[$0].fuzzyFirstWord.letters[0] }
        self.words = Set(entries.flatMap(\.words))
    }

    /// Every phrase found anywhere in `tokens`, overlapping or not.
    func allMatches(in tokens: [Token]) -> [PhraseMatch<Value>] {
        tokens.indices.flatMap { matches(startingAt: $0, in: tokens) }
    }

    /// Phrases found in `tokens` that do not overlap, preferring longer phrases, then exact ones, then earlier
    /// ones; in message order.
    func bestMatches(in tokens: [Token]) -> [PhraseMatch<Value>] {
        let ranked = allMatches(in: tokens).sorted { lhs, rhs in
            (rhs.length, lhs.quality, lhs.tokens.lowerBound) < (lhs.length, rhs.quality, rhs.tokens.lowerBound)
        }
        var taken = [Bool](repeating: false, count: tokens.count)
        var chosen: [PhraseMatch<Value>] = []
        for match in ranked where !match.tokens.contains(where: { taken[$0] }) {
            match.tokens.forEach { taken[$0] = true }
            chosen.append(match)
        }
        return chosen.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// The longest phrase that starts exactly at `start`, if any.
    func longestMatch(startingAt start: Int, in tokens: [Token]) -> PhraseMatch<Value>? {
        matches(startingAt: start, in: tokens).max { ($0.length, $1.quality) < ($1.length, $0.quality) }
    }

    /// The phrases that start at `start`.
    func matches(startingAt start: Int, in tokens: [Token]) -> [PhraseMatch<Value>] {
        guard tokens.indices.contains(start) else { return [] }
        return candidates(at: start, in: tokens).compactMap { index in
            let entry = entries[index]
            return match(entry.words, at: start, in: tokens).map {
                PhraseMatch(value: entry.value, tokens: start..<$0.end, length: entry.words.count, quality: $0.quality)
            }
        }
    }

    private func candidates(at start: Int, in tokens: [Token]) -> Set<Int> {
        let word = tokens[start].text
        var found = Set(byFirstWord[word] ?? [])
        found.formUnion(byFirstPair[word] ?? [])
        if start + 1 < tokens.count { found.formUnion(byFirstWord[word + tokens[start + 1].text] ?? []) }
        guard tokens[start].kind == .word, word.unicodeScalars.count >= 4, !Vocabulary.isKnown(word) else { return found }
        let fuzzy = FuzzyWord(word)
        let initials = fuzzy.letters[0] == fuzzy.letters[1] ? [fuzzy.letters[0]] : Array(fuzzy.letters[0...1])
        for index in initials.flatMap({ byInitial[$0] ?? [] }) {
            let entry = entries[index]
            if FuzzyMatcher.isMisspelling(fuzzy, of: entry.fuzzyFirstWord)
                || entry.fuzzyFirstPair.map({ FuzzyMatcher.isMisspelling(fuzzy, of: $0) }) == true
            {
                found.insert(index)
            }
        }
        return found
    }

    /// Matches `words` against `tokens` from `start`; a message word may be two phrase words run together, and
    /// two message words may be one phrase word split apart.
    private func match(_ words: [String], at start: Int, in tokens: [Token]) -> (end: Int, quality: MatchQuality)? {
        var word = 0
        var token = start
        var quality = MatchQuality.exact
        while word < words.count {
            guard token < tokens.count, let step = step(words, word, tokens, token) else { return nil }
            word += step.words
            token += step.tokens
            quality = max(quality, step.quality)
        }
        if quality == .fuzzy, words.count == 1, words[0].count < PhraseTable.shortestFuzzyWord { return nil }
        return (token, quality)
    }

    private func step(
        _ words: [String], _ word: Int, _ tokens: [Token], _ token: Int
    )
        -> (words: Int, tokens: Int, quality: MatchQuality)?
    {
        let text = tokens[token].text
        if text == words[word] { return (1, 1, .exact) }
        let joinedWords = word + 1 < words.count ? words[word] + words[word + 1] : nil
        if let joinedWords, text == joinedWords { return (2, 1, .exact) }
        if token + 1 < tokens.count, tokens[token + 1].kind == .word, text + tokens[token + 1].text == words[word] {
            return (1, 2, .exact)
        }
        guard tokens[token].kind == .word else { return nil }
        if FuzzyMatcher.isMisspelling(text, of: words[word]) { return (1, 1, .fuzzy) }
        if let joinedWords, FuzzyMatcher.isMisspelling(text, of: joinedWords) { return (2, 1, .fuzzy) }
        return nil
    }
}
