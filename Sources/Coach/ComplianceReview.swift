import Foundation
public import PlutusWire

/// The check every outgoing reply passes, whoever wrote it: no promised returns, no named
/// security to buy or sell, no figure that is not among the reply's facts, and the disclaimer
/// where advice is given. ``review(_:facts:givesAdvice:)`` reports; ``enforce(_:facts:givesAdvice:fallback:)``
/// repairs.
public enum ComplianceReview {
    /// The sentence every piece of advice carries.
    public static let disclaimer =
        "This is educational guidance, not individualized investment advice."

    /// One way a reply broke the rules.
    public enum Violation: Hashable, Sendable, CustomStringConvertible {
        /// A promise of returns ("guaranteed 8% a year").
        case promisedReturns(String)
        /// A named security to buy or sell ("buy TSLA").
        case namedSecurity(String)
        /// A figure that no fact carries: it did not come from the finance engine.
        case unsupportedFigure(String)
        /// Advice without the disclaimer.
        case missingDisclaimer

        public var description: String {
            switch self {
            case .promisedReturns(let text): "promised returns: \(text)"
            case .namedSecurity(let text): "named security: \(text)"
            case .unsupportedFigure(let figure): "figure not in the facts: \(figure)"
            case .missingDisclaimer: "advice without the disclaimer"
            }
        }
    }

    /// What the review found, and the reply to send.
    public struct Outcome: Sendable {
        public let reply: String
        public let violations: [Violation]
        /// Whether the reply sent differs from the one reviewed.
        public var rewritten: Bool { !violations.isEmpty }
    }

    /// Every rule `reply` breaks. Digits inside `names` (an account's, a goal's) are not figures.
    public static func review(_ reply: String, facts: [Fact], givesAdvice: Bool, names: [String] = []) -> [Violation] {
        var violations: [Violation] = []
        for sentence in sentences(of: reply) {
            let words = Words(sentence)
            if let promise = promise(in: words) { violations.append(.promisedReturns(promise)) }
            if let security = namedSecurity(in: words) { violations.append(.namedSecurity(security)) }
        }
        let supported = FigureScanner.supportedNumbers(in: facts)
        let unquoted = ([disclaimer] + names).reduce(reply) { text, name in text.replacingOccurrences(of: name, with: " ") }
        for figure in FigureScanner.figures(in: unquoted)
        where !supported.contains(figure.value) {
            violations.append(.unsupportedFigure(figure.text))
        }
        if givesAdvice, !reply.contains(disclaimer) { violations.append(.missingDisclaimer) }
        return violations
    }

    /// `reply` if it keeps every rule; otherwise a repaired reply: sentences that promise returns
    /// or name a security are dropped, a reply with a figure the facts lack is replaced by
    /// `fallback` (composed from the facts alone), and advice gets the disclaimer.
    public static func enforce(
        _ reply: String, facts: [Fact], givesAdvice: Bool, names: [String] = [], fallback: @autoclosure () -> String
    ) -> Outcome {
        let violations = review(reply, facts: facts, givesAdvice: givesAdvice, names: names)
        guard !violations.isEmpty else { return Outcome(reply: reply, violations: []) }
        var repaired: String
        if violations.contains(where: { if case .unsupportedFigure = $0 { true } else { false } }) {
            repaired = fallback()
        } else {
            repaired = sentences(of: reply).filter { sentence in
                let words = Words(sentence)
                return promise(in: words) == nil && namedSecurity(in: words) == nil
            }.joined(separator: " ")
        }
        if givesAdvice, !repaired.contains(disclaimer) {
            repaired += repaired.isEmpty ? disclaimer : "\n\n" + disclaimer
        }
        return Outcome(reply: repaired, violations: violations)
    }

    // MARK: - Rules

    private static let returnWords: Set<String> = [
        "return", "returns", "profit", "profits", "gain", "gains", "growth", "income", "yield", "investment",
    ]
    private static let certainty: Set<String> = ["definitely", "certainly", "surely"]
    private static let growthVerbs: Set<String> = ["grow", "earn", "return", "double", "make"]

    /// A promise of returns among a sentence's words, as written there.
    private static func promise(in words: Words) -> String? {
        let lower = words.lowercased
        let mentionsReturns = lower.contains { returnWords.contains($0) }
        for (index, word) in lower.enumerated() {
            let next = index + 1 < lower.count ? lower[index + 1] : ""
            let afterNext = index + 2 < lower.count ? lower[index + 2] : ""
            if word.hasPrefix("guarantee"), mentionsReturns { return words.span(index, through: lower.count - 1) }
            if word == "risk", next == "free", mentionsReturns { return words.span(index, through: index + 1) }
            if ["can't", "cannot", "won't", "can’t", "won’t"].contains(word), next == "lose" {
                return words.span(index, through: index + 1)
            }
            if word == "can", next == "not", afterNext == "lose" { return words.span(index, through: index + 2) }
            if word == "will", certainty.contains(next), growthVerbs.contains(afterNext) {
                return words.span(index, through: index + 2)
            }
            if word == "sure", next == "thing" { return words.span(index, through: index + 1) }
        }
        return nil
    }

    private static let tradeVerbs: Set<String> = [
        "buy", "buying", "sell", "selling", "short", "shorting", "dump", "dumping", "purchase", "purchasing",
    ]
    private static let fillers: Set<String> = ["some", "more", "shares", "of", "stock", "in", "a", "few"]

    /// Words that follow "buy"/"sell" and name no security.
    private static let genericHoldings: Set<String> = [
        "ETF", "ETFS", "IRA", "CD", "CDS", "USD", "APR", "APY", "A", "I", "The", "Your", "Index", "Bonds", "Bond",
        "Stocks", "Funds", "Fund", "Low", "Broad", "Diversified", "Total", "Treasury", "Treasuries", "Any", "It",
        "Them", "That", "This", "More", "Less", "When", "If",
    ]

    private static let wellKnownNames: Set<String> = [
        "apple", "tesla", "amazon", "nvidia", "microsoft", "google", "alphabet", "meta", "netflix", "gamestop", "amc",
        "bitcoin", "ethereum", "dogecoin", "berkshire", "coinbase",
    ]

    /// A trade in a named security among a sentence's words ("buy TSLA", "selling Tesla"), as written there.
    private static func namedSecurity(in words: Words) -> String? {
        for (index, word) in words.lowercased.enumerated() where tradeVerbs.contains(word) {
            var target = index + 1
            while target < words.count, fillers.contains(words.lowercased[target]) { target += 1 }
            guard target < words.count, target - index <= 3 else { continue }
            let name = words.original[target]
            let bare = name.hasPrefix("$") ? String(name.dropFirst()) : name
            let isTicker = !bare.isEmpty && bare.count <= 5 && bare.allSatisfy(\.isUppercase) && !genericHoldings.contains(bare)
            let isCashtag = name.hasPrefix("$") && bare.first?.isLetter == true
            if isTicker || isCashtag || wellKnownNames.contains(bare.lowercased()) {
                return words.span(index, through: target)
            }
        }
        return nil
    }

    /// A sentence's words (letters, digits, apostrophes and a leading `$`), as written and lower-cased.
    private struct Words {
        let original: [String]
        let lowercased: [String]
        var count: Int { original.count }

        /// Splits on anything but letters, digits, apostrophes and a word-leading `$`; bytes beyond
        /// ASCII count as letters, so accented words and curly apostrophes stay whole.
        init(_ text: String) {
            var words: [String] = []
            var start: String.UTF8View.Index?
            let utf8 = text.utf8
            var index = utf8.startIndex
            while index < utf8.endIndex {
                let byte = utf8[index]
                let isWordByte = byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                    || byte == 0x27 || (byte == 0x24 && start == nil)
                if isWordByte {
                    if start == nil { start = index }
                } else if let wordStart = start {
                    words.append(String(decoding: utf8[wordStart..<index], as: UTF8.self))
                    start = nil
                }
                index = utf8.index(after: index)
            }
            if let wordStart = start { words.append(String(decoding: utf8[wordStart...], as: UTF8.self)) }
            original = words
            lowercased = words.map { $0.lowercased() }
        }

        func span(_ first: Int, through last: Int) -> String { original[first...min(last, count - 1)].joined(separator: " ") }
    }

    /// Sentences, each keeping its closing punctuation; a period inside a figure ("$1,234.56")
    /// ends nothing, and line breaks end a sentence too.
    static func sentences(of text: String) -> [String] {
        var sentences: [String] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = utf8.startIndex
        func close(through end: String.UTF8View.Index) {
            let sentence = String(decoding: utf8[start..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if !sentence.isEmpty { sentences.append(sentence) }
            start = end
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            index = utf8.index(after: index)
            let atBoundary = index == utf8.endIndex || utf8[index] == 0x20 || utf8[index] == 0x0A
            if byte == 0x21 || byte == 0x3F || byte == 0x0A || (byte == 0x2E && atBoundary) { close(through: index) }
        }
        close(through: utf8.endIndex)
        return sentences
    }
}
