/// Splits a message into ``Token``s in one pass over its characters.
struct Tokenizer {
    private let text: String
    private var index: String.Index
    private var afterSpace = true
    private var tokens: [Token] = []

    /// The tokens of `text`, slang and contractions expanded.
    static func tokens(in text: String) -> [Token] {
        var tokenizer = Tokenizer(text: text)
        tokenizer.run()
        return tokenizer.tokens
    }

    /// Apostrophes people type inside words.
    static let apostrophes: Set<Character> = ["'", "’", "ʼ", "‘", "`"]
    /// French (and Italian) elided articles and pronouns, split from the word they lean on: "l'épargne".
    static let elisions: Set<String> = ["l", "d", "j", "n", "s", "c", "m", "t", "qu", "dell", "all", "nell", "un"]

    private init(text: String) {
        self.text = text
        self.index = text.startIndex
    }

    private mutating func run() {
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace || isHyphenBetweenLetters {
                afterSpace = true
                index = text.index(after: index)
            } else if character.isASCIIDigit {
                scanNumber()
            } else if character.isLetter {
                scanWord()
            } else {
                scanSymbol()
            }
        }
    }

    private var isHyphenBetweenLetters: Bool {
        guard text[index] == "-", index > text.startIndex else { return false }
        let next = text.index(after: index)
        return next < text.endIndex && text[text.index(before: index)].isLetter && text[next].isLetter
    }

    private func character(after position: String.Index) -> Character? {
        let next = text.index(after: position)
        return next < text.endIndex ? text[next] : nil
    }

    private mutating func scanNumber() {
        let start = index
        while index < text.endIndex {
            let character = text[index]
            let continuesNumber =
                character.isASCIIDigit
                || ((character == "," || character == ".") && (self.character(after: index)?.isASCIIDigit ?? false))
            guard continuesNumber else { break }
            index = text.index(after: index)
        }
        append(.number, String(text[start..<index]), start..<index)
    }

    private mutating func scanWord() {
        let start = index
        while index < text.endIndex {
            let character = text[index]
            let continuesWord =
                character.isLetter
                || (Tokenizer.apostrophes.contains(character) && (self.character(after: index)?.isLetter ?? false))
            guard continuesWord else { break }
            index = text.index(after: index)
        }
        appendWord(start..<index)
    }

    private mutating func appendWord(_ range: Range<String.Index>) {
        let raw = text[range]
        if let apostrophe = raw.firstIndex(where: Tokenizer.apostrophes.contains),
            Tokenizer.elisions.contains(TextNormalizer.normalize(raw[..<apostrophe]))
        {
            appendWord(raw.startIndex..<apostrophe)
            afterSpace = true
            appendWord(text.index(after: apostrophe)..<range.upperBound)
            return
        }
        let word = TextNormalizer.normalize(raw.filter { !Tokenizer.apostrophes.contains($0) })
        for (offset, expanded) in (TextNormalizer.expansions[word] ?? [word]).enumerated() {
            if offset > 0 { afterSpace = true }
            append(.word, expanded, range)
        }
    }

    private mutating func scanSymbol() {
        let start = index
        index = text.index(after: index)
        if Tokenizer.apostrophes.contains(text[start]) { return }
        append(.symbol, String(text[start]), start..<index)
    }

    private mutating func append(_ kind: Token.Kind, _ text: String, _ range: Range<String.Index>) {
        tokens.append(Token(kind: kind, text: text, range: range, followsSpace: afterSpace))
        afterSpace = false
    }
}
