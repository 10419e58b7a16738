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

    /// Every rule `reply` breaks.
    public static func review(_ reply: String, facts: [Fact], givesAdvice: Bool) -> [Violation] {
        var violations: [Violation] = []
        for sentence in sentences(of: reply) {
            if let promise = firstMatch(of: promisePatterns, in: sentence) { violations.append(.promisedReturns(promise)) }
            if let security = namedSecurity(in: sentence) { violations.append(.namedSecurity(security)) }
        }
        let supported = FigureScanner.supportedNumbers(in: facts)
        for figure in FigureScanner.figures(in: reply.replacingOccurrences(of: disclaimer, with: ""))
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
        _ reply: String, facts: [Fact], givesAdvice: Bool, fallback: @autoclosure () -> String
    ) -> Outcome {
        let violations = review(reply, facts: facts, givesAdvice: givesAdvice)
        guard !violations.isEmpty else { return Outcome(reply: reply, violations: []) }
        var repaired: String
        if violations.contains(where: { if case .unsupportedFigure = $0 { true } else { false } }) {
            repaired = fallback()
        } else {
            repaired = sentences(of: reply).filter { sentence in
                firstMatch(of: promisePatterns, in: sentence) == nil && namedSecurity(in: sentence) == nil
            }.joined(separator: " ")
        }
        if givesAdvice, !repaired.contains(disclaimer) {
            repaired += repaired.isEmpty ? disclaimer : "\n\n" + disclaimer
        }
        return Outcome(reply: repaired, violations: violations)
    }

    // MARK: - Rules

    private static let promisePatterns: [NSRegularExpression] = [
        #"\bguarantee(?:d|s)?\b[^.!?]{0,40}\b(?:return|returns|profit|profits|gain|gains|growth|income|yield)\b"#,
        #"\b(?:return|returns|profit|profits|gains|growth)\b[^.!?]{0,30}\bguaranteed\b"#,
        #"\brisk[- ]free\b[^.!?]{0,30}\b(?:return|returns|profit|gain|gains|investment)\b"#,
        #"\b(?:can(?:'|’)?t|cannot|won(?:'|’)?t)\s+lose\b"#,
        #"\bwill\s+(?:definitely|certainly|surely)\s+(?:grow|earn|return|double|make)\b"#,
        #"\bsure\s+thing\b"#,
    ].compactMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    private static let tradeVerb = try? NSRegularExpression(
        pattern: #"\b(?:buy|buying|sell|selling|short|shorting|dump|purchase|load up on|get out of)\s+(?:some\s+|more\s+|shares\s+of\s+|stock\s+in\s+)?([A-Z][A-Za-z.&]{1,20}|\$?[A-Z]{1,5})\b"#)

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

    private static func namedSecurity(in sentence: String) -> String? {
        guard let tradeVerb else { return nil }
        let range = NSRange(sentence.startIndex..., in: sentence)
        for match in tradeVerb.matches(in: sentence, range: range) {
            guard let nameRange = Range(match.range(at: 1), in: sentence) else { continue }
            let name = sentence[nameRange].trimmingCharacters(in: CharacterSet(charactersIn: "$"))
            let isTicker = name.count <= 5 && name == name.uppercased() && !genericHoldings.contains(name)
            if isTicker || wellKnownNames.contains(name.lowercased()) || sentence[nameRange].hasPrefix("$") {
                return String(sentence[Range(match.range, in: sentence) ?? nameRange])
            }
        }
        return nil
    }

    private static func firstMatch(of patterns: [NSRegularExpression], in text: String) -> String? {
        let range = NSRange(text.startIndex..., in: text)
        for pattern in patterns {
            if let match = pattern.firstMatch(in: text, range: range), let found = Range(match.range, in: text) {
                return String(text[found])
            }
        }
        return nil
    }

    /// Sentences, each keeping its closing punctuation; a period inside a figure ("$1,234.56")
    /// ends nothing, and line breaks end a sentence too.
    static func sentences(of text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            current.append(character)
            index = text.index(after: index)
            let atBoundary = index == text.endIndex || text[index].isWhitespace
            if "!?\n".contains(character) || (character == "." && atBoundary) {
                let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { sentences.append(trimmed) }
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }
}
