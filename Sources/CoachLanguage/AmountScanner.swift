/// One left-to-right pass over a message's tokens collecting ``ParsedAmount``s and ``ParsedPercentage``s.
struct AmountScanner {
    let tokens: [Token]
    let text: String
    /// Whether "mil" after digits is a thousand (Spanish, Portuguese) rather than an English million.
    let milIsThousand: Bool
    private(set) var amounts: [ParsedAmount] = []
    private(set) var percentages: [ParsedPercentage] = []
    /// The token index each of ``amounts`` starts at.
    private(set) var amountStarts: [Int] = []
    /// The token index after each of ``percentages``.
    private(set) var percentageEnds: [Int] = []

    init(tokens: [Token], text: String, milIsThousand: Bool) {
        self.tokens = tokens
        self.text = text
        self.milIsThousand = milIsThousand
    }

    /// The number at the start of a candidate amount, before scales and currencies.
    private struct Core {
        /// Digits and separators, spaced thousands joined ("20 000" → "20000"); `nil` when spelled out.
        var literal: String?
        /// The value of a spelled number.
        var spelledValue: Double?
        /// Whether a spelled number has a scale word ("thousand") in it.
        var spelledHasScale = false
        var end: Int
    }

    mutating func run() {
        var index = 0
        while index < tokens.count {
            index = scan(at: index) ?? index + 1
        }
    }

    /// The pieces of a candidate amount: "$" "1.5" "M", "20 000" "€", "twenty thousand" "dollars".
    private struct Reading {
        var core: Core
        var currency: String?
        var multiplier: (value: Double, meansMoney: Bool)?
        /// The index after the currency or scale that closes it.
        var end: Int

        var isCurrency: Bool { currency != nil || multiplier?.meansMoney == true }
        /// Nothing but a number: it may be a year, a date, an age.
        var isBare: Bool { !isCurrency && multiplier == nil }
    }

    /// Reads what starts at `start`; the index after it, or `nil` when nothing does.
    private mutating func scan(at start: Int) -> Int? {
        var cursor = start
        let prefix = prefixCurrency(at: &cursor)
        guard let core = core(at: cursor) else { return nil }
        if prefix == nil, let accountEnd = accountName(core) { return accountEnd }
        let reading = read(core, prefix: prefix)
        guard let base = value(of: core, currency: reading.currency) else { return nil }
        if !reading.isCurrency, let end = percentage(base, from: start, at: reading.end) { return end }
        if reading.isBare,
            isExcludedNumber(start, end: core.end, spelled: core.literal == nil, spelledHasScale: core.spelledHasScale)
        {
            return core.end
        }
        guard let cents = cents(base * (reading.multiplier?.value ?? 1)) else { return reading.end }
        return record(reading, cents: cents, start: start)
    }

    /// The scale and currency after `core`.
    private func read(_ core: Core, prefix: String?) -> Reading {
        var cursor = core.end
        let scaleWord = core.literal != nil ? scaleWord(at: cursor) : nil
        if scaleWord != nil { cursor += 1 }
        let suffix = suffixCurrency(at: cursor, afterScale: scaleWord != nil)
        let currency = prefix ?? suffix?.code
        let multiplier = scaleWord.flatMap { scale(of: $0, currency: currency) }
        return Reading(core: core, currency: currency, multiplier: multiplier, end: suffix?.end ?? cursor)
    }

    /// Adds the amount, with its rate if one follows; the index after it.
    private mutating func record(_ reading: Reading, cents: Int64, start: Int) -> Int {
        let per = AmountWords.rates.longestMatch(startingAt: reading.end, in: tokens)
        let end = per?.tokens.upperBound ?? reading.end
        let range = range(start, end)
        amounts.append(
            ParsedAmount(
                cents: cents, isCurrency: reading.isCurrency, currency: reading.currency, per: per?.value,
                text: String(text[range]), range: range))
        amountStarts.append(start)
        return end
    }

    private func range(_ start: Int, _ end: Int) -> Range<String.Index> {
        tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound
    }

    /// Hundredths of `value`, or `nil` past ``largestCents`` (no one's goal; likely a typo or an ID).
    private func cents(_ value: Double) -> Int64? {
        let scaled = (value * 100).rounded()
        return scaled.isFinite && scaled <= AmountScanner.largestCents ? Int64(scaled) : nil
    }

    /// A trillion dollars: larger numbers are not read as amounts.
    static let largestCents = 100_000_000_000_000.0

    // MARK: Pieces

    private func prefixCurrency(at cursor: inout Int) -> String? {
        guard cursor < tokens.count else { return nil }
        if tokens[cursor].isWord("us"), cursor + 1 < tokens.count, tokens[cursor + 1].isSymbol("$"),
            !tokens[cursor + 1].followsSpace
        {
            cursor += 1
        }
        let token = tokens[cursor]
        guard token.kind == .symbol || token.text.count == 3, let code = AmountWords.currencies[token.text] else {
            return nil
        }
        cursor += 1
        return code
    }

    private func core(at index: Int) -> Core? {
        guard index < tokens.count else { return nil }
        if tokens[index].kind == .number { return digits(at: index) }
        guard let spelled = NumberWords.parse(tokens, from: index) else { return nil }
        let hasScale = tokens[index..<spelled.end].contains { NumberWords.scales[$0.text] != nil || $0.text == "dozen" }
        return Core(literal: nil, spelledValue: spelled.value, spelledHasScale: hasScale, end: spelled.end)
    }

    /// Digits, with following space-separated groups of three joined: "20 000".
    private func digits(at index: Int) -> Core {
        var literal = tokens[index].text
        var end = index + 1
        guard tokens[index].isPlainInteger, literal.count <= 3 else { return Core(literal: literal, end: end) }
        while end < tokens.count, tokens[end].isPlainInteger, tokens[end].text.count == 3, tokens[end].followsSpace {
            literal += tokens[end].text
            end += 1
        }
        return Core(literal: literal, end: end)
    }

    private func value(of core: Core, currency: String?) -> Double? {
        guard let literal = core.literal else { return core.spelledValue }
        return NumberLiteral.value(of: literal, periodGroupsThousands: currency == "EUR")
    }

    /// A scale after digits: "k", "grand", "million", "millones", "tausend".
    private func scaleWord(at index: Int) -> String? {
        guard index < tokens.count, tokens[index].kind == .word else { return nil }
        let word = tokens[index].text
        return AmountWords.shorthandScales[word] != nil || (NumberWords.scales[word] ?? 0) >= 1_000 ? word : nil
    }

    /// What a scale word multiplies by; "mil" is a thousand in Spanish and Portuguese, or with euros and reais.
    private func scale(of word: String, currency: String?) -> (value: Double, meansMoney: Bool)? {
        if word == "mil", milIsThousand || currency == "EUR" || currency == "BRL" { return (1_000, false) }
        return AmountWords.shorthandScales[word] ?? NumberWords.scales[word].map { ($0, false) }
    }

    /// A currency after the number, also past "de"/"of" after a scale: "1,5 millones de euros".
    private func suffixCurrency(at index: Int, afterScale: Bool) -> (code: String, end: Int)? {
        var index = index
        if afterScale, index + 1 < tokens.count, ["de", "of", "di", "d"].contains(tokens[index].text) { index += 1 }
        guard index < tokens.count, let code = AmountWords.currencies[tokens[index].text] else { return nil }
        return (code, index + 1)
    }

    private mutating func percentage(_ value: Double, from start: Int, at index: Int) -> Int? {
        guard let sign = AmountWords.percentSigns.longestMatch(startingAt: index, in: tokens) else { return nil }
        let range = range(start, sign.tokens.upperBound)
        percentages.append(ParsedPercentage(value: value, text: String(text[range]), range: range))
        percentageEnds.append(sign.tokens.upperBound)
        return sign.tokens.upperBound
    }

    /// "401k", "403b": the end of the account's name, so its digits are not read as money.
    private func accountName(_ core: Core) -> Int? {
        guard let literal = core.literal, let letters = AmountWords.accountNumbers[literal], core.end < tokens.count
        else { return nil }
        var end = core.end
        if tokens[end].isSymbol("("), end + 2 < tokens.count { end += 1 }
        guard letters.contains(tokens[end].text) else { return nil }
        return end + 1 + (end + 1 < tokens.count && tokens[end + 1].isSymbol(")") ? 1 : 0)
    }
}
