import Foundation
import PlutusWire

/// Finds the figures in a reply and the numbers a reply's facts support, so the compliance
/// review can tell a computed figure from an invented one.
enum FigureScanner {
    /// A figure as written, and its magnitude in a canonical form ("1234.5" for "$1,234.50").
    struct Figure: Hashable, Sendable {
        let text: String
        let value: String
    }

    /// The figures in `text` that need a fact: money, percentages, decimals, ISO dates and
    /// whole numbers of 100 or more. Small bare counts ("3 debts", "12 months") need none.
    static func figures(in text: String) -> [Figure] {
        tokens(in: text).compactMap { token in
            if token.count == 10, token.filter({ $0 == "-" }).count == 2 { return Figure(text: token, value: token) }
            guard let value = canonical(token) else { return nil }
            let isBareCount = !token.hasPrefix("$") && !token.hasSuffix("%") && !token.contains(".")
                && value.count < 3
            return isBareCount ? nil : Figure(text: token, value: value)
        }
    }

    /// Every number the facts carry in canonical form, with each part of a date fact ("2028",
    /// "6", "30": a reply writes "June 30, 2028"). Parts of other figures support nothing.
    static func supportedNumbers(in facts: [Fact]) -> Set<String> {
        var supported: Set<String> = []
        for fact in facts {
            supported.insert(fact.value)
            for token in tokens(in: fact.value) {
                if let value = canonical(token) { supported.insert(value) }
                guard fact.unit == "date" else { continue }
                for part in token.split(separator: "-") {
                    if let value = canonical(String(part)) { supported.insert(value) }
                }
            }
        }
        return supported
    }

    /// Numeric tokens: ISO dates, and numbers with an optional leading `$`, thousands commas, a
    /// decimal part and a trailing `%`. Scans UTF-8 bytes: every character that matters is ASCII.
    static func tokens(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        var tokens: [String] = []
        var index = 0
        while index < bytes.count {
            let startsNumber = isDigit(bytes[index])
                || (bytes[index] == UInt8(ascii: "$") && index + 1 < bytes.count && isDigit(bytes[index + 1]))
            guard startsNumber, index == 0 || !isDigit(bytes[index - 1]) else {
                index += 1
                continue
            }
            let end = isoDateEnd(bytes, from: index) ?? numberEnd(bytes, from: index)
            tokens.append(String(decoding: bytes[index..<end], as: UTF8.self))
            index = end
        }
        return tokens
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Where a `YYYY-MM-DD` starting at `start` ends, if one does.
    private static func isoDateEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        let shape = Array("dddd-dd-dd".utf8)
        guard start + shape.count <= bytes.count else { return nil }
        for (offset, expected) in shape.enumerated() {
            let byte = bytes[start + offset]
            guard expected == UInt8(ascii: "d") ? isDigit(byte) : byte == expected else { return nil }
        }
        return start + shape.count
    }

    /// Where the number starting at `start` ends: digits, commas and one point between digits, a `%`.
    private static func numberEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = bytes[start] == UInt8(ascii: "$") ? start + 1 : start
        var sawPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            let nextIsDigit = index + 1 < bytes.count && isDigit(bytes[index + 1])
            if isDigit(byte) || (byte == UInt8(ascii: ",") && nextIsDigit) {
                index += 1
            } else if byte == UInt8(ascii: "."), !sawPoint, nextIsDigit {
                sawPoint = true
                index += 1
            } else {
                break
            }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "%") { index += 1 }
        return index
    }

    /// "1,234.50" → "1234.5", "007" → "7"; `nil` for anything without a digit.
    static func canonical(_ token: String) -> String? {
        let digits = token.filter { ("0"..."9").contains($0) || $0 == "." }
        guard digits.contains(where: { $0 != "." }) else { return nil }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0].drop { $0 == "0" }
        var fraction = parts.count > 1 ? Substring(parts[1]) : ""
        while fraction.last == "0" { fraction = fraction.dropLast() }
        let integer = whole.isEmpty ? "0" : String(whole)
        return fraction.isEmpty ? integer : "\(integer).\(fraction)"
    }
}
