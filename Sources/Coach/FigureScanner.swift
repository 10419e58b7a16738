import Foundation
public import PlutusWire

/// Finds the figures in a reply and the numbers a reply's facts support, so the compliance
/// review can tell a computed figure from an invented one.
public enum FigureScanner {
    /// A figure as written, and its magnitude in a canonical form ("1234.5" for "$1,234.50").
    public struct Figure: Hashable, Sendable {
        public let text: String
        public let value: String
    }

    private static let pattern = try? NSRegularExpression(
        pattern: #"\d{4}-\d{2}-\d{2}|\$?\d[\d,]*(?:\.\d+)?%?"#)

    /// The figures in `text` that need a fact: money, percentages, decimals, ISO dates and
    /// whole numbers of 100 or more. Small bare counts ("3 debts", "12 months") need none.
    public static func figures(in text: String) -> [Figure] {
        tokens(in: text).compactMap { token in
            if token.count == 10, token.filter({ $0 == "-" }).count == 2 { return Figure(text: token, value: token) }
            guard let value = canonical(token) else { return nil }
            let isBareCount = !token.hasPrefix("$") && !token.hasSuffix("%") && !token.contains(".")
                && (Decimal(string: value) ?? 0) < 100
            return isBareCount ? nil : Figure(text: token, value: value)
        }
    }

    /// Every number the facts carry in canonical form, with each part of a date ("2028", "6", "30").
    public static func supportedNumbers(in facts: [Fact]) -> Set<String> {
        var supported: Set<String> = []
        for fact in facts {
            supported.insert(fact.value)
            for token in tokens(in: fact.value) {
                supported.insert(token)
                if let value = canonical(token) { supported.insert(value) }
                for part in token.split(whereSeparator: { !$0.isNumber }) {
                    if let value = canonical(String(part)) { supported.insert(value) }
                }
            }
        }
        return supported
    }

    private static func tokens(in text: String) -> [String] {
        guard let pattern else { return [] }
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range, in: text).map { String(text[$0]) }
        }
    }

    /// "1,234.50" → "1234.5"; `nil` for anything that is not a number.
    static func canonical(_ token: String) -> String? {
        let digits = token.filter { $0.isNumber || $0 == "." }
        guard let number = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        return "\(number)"
    }
}
