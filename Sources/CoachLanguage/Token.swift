/// One word, number or symbol of a person's message, normalized for comparison but still
/// pointing at the characters it came from.
public struct Token: Hashable, Sendable {
    /// What a token is made of.
    public enum Kind: Hashable, Sendable {
        /// Letters: lower-cased, diacritics folded, apostrophes dropped ("Don't" → "do", "not").
        case word
        /// ASCII digits with any `,`/`.` separators between them, as typed ("20,000", "1.5").
        case number
        /// Any other single character that is not white space (`$`, `%`, `/`, `?`, `,`).
        case symbol
    }

    /// Whether this is a word, a number or a symbol.
    public let kind: Kind
    /// The normalized text.
    public let text: String
    /// Where the token's characters are in the original message (shared by all tokens one slang word expands to).
    public let range: Range<String.Index>
    /// Whether white space (or a hyphen between words) comes before the token: `false` for `20` in `$20`, `k` in
    /// `20k`.
    public let followsSpace: Bool

    /// A token; the tokenizer is the usual source of these.
    public init(kind: Kind, text: String, range: Range<String.Index>, followsSpace: Bool) {
        self.kind = kind
        self.text = text
        self.range = range
        self.followsSpace = followsSpace
    }

    /// Whether the token is a word spelled exactly `text`.
    func isWord(_ text: String) -> Bool { kind == .word && self.text == text }

    /// Whether the token is the symbol `text`.
    func isSymbol(_ text: String) -> Bool { kind == .symbol && self.text == text }

    /// Whether the token is digits only (no separators), like a year or a day of the month.
    var isPlainInteger: Bool { kind == .number && text.allSatisfy(\.isASCIIDigit) }
}

extension Character {
    /// `0`–`9` only: other scripts' digits are not read as numbers.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
