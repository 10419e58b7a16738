/// Removes identifiers from text before it leaves the process for a model provider: e-mail
/// addresses, phone numbers, SSN-like numbers, card numbers (Luhn-valid, 13–19 digits), bank
/// routing numbers (9 digits with a valid ABA checksum) and other account numbers (8 or more
/// digits written together or in groups of four or more). Each becomes a bracketed placeholder
/// (`[email]`, `[phone]`, `[ssn]`, `[card number]`, `[routing number]`, `[account number]`).
///
/// Money keeps its figures: a number after a currency sign, or written with thousands separators
/// (`$20,000`, `1,250.00`), is an amount, and dates (`2028-06-30`) and short numbers stay.
public struct PromptRedactor: Sendable {
    public init() {}

    /// `text` with every identifier replaced by its placeholder.
    public func redact(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if let (end, placeholder) = identifier(in: scalars, at: index) {
                output.append(contentsOf: placeholder.unicodeScalars)
                index = end
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return String(output)
    }

    private func identifier(in scalars: [Unicode.Scalar], at start: Int) -> (end: Int, placeholder: String)? {
        let previous = start > 0 ? scalars[start - 1] : nil
        if let previous, Self.isWordScalar(previous) { return nil }
        if let end = Self.emailEnd(in: scalars, at: start) { return (end, "[email]") }
        return Self.numberIdentifier(in: scalars, at: start)
    }

    // MARK: E-mail addresses

    private static func emailEnd(in scalars: [Unicode.Scalar], at start: Int) -> Int? {
        var index = start
        while index < scalars.count, isLocalPartScalar(scalars[index]) { index += 1 }
        guard index > start, index < scalars.count, scalars[index] == "@" else { return nil }
        index += 1
        var labels: [Int] = [0]
        while index < scalars.count {
            let scalar = scalars[index]
            if isASCIIAlphanumeric(scalar) || scalar == "-" {
                labels[labels.count - 1] += 1
            } else if scalar == ".", index + 1 < scalars.count, isASCIIAlphanumeric(scalars[index + 1]) {
                labels.append(0)
            } else {
                break
            }
            index += 1
        }
        guard labels.count >= 2, labels.allSatisfy({ $0 > 0 }), (labels.last ?? 0) >= 2 else { return nil }
        return index
    }

    // MARK: Numbers

    /// A run of digit groups joined by single spaces, hyphens or dots, optionally led by `+` or a
    /// parenthesised area code, classified by its shape.
    private static func numberIdentifier(in scalars: [Unicode.Scalar], at start: Int) -> (end: Int, placeholder: String)? {
        var index = start
        var groups: [[UInt8]] = []
        var separators: Set<Unicode.Scalar> = []
        // A leading `+` or a parenthesised area code marks a phone number.
        var decorated = scalars[index] == "+"
        if decorated { index += 1 }
        if index < scalars.count, scalars[index] == "(" {
            decorated = true
            let digits = digitRun(in: scalars, at: index + 1)
            guard digits.count == 3, index + 4 < scalars.count, scalars[index + 4] == ")" else { return nil }
            groups.append(digits)
            index += 5
            if index < scalars.count, scalars[index] == " " || scalars[index] == "-" { index += 1 }
        }
        guard index < scalars.count, isDigit(scalars[index]) else { return nil }
        if start > 0, ["$", "€", "£", "¥", ",", "."].contains(scalars[start - 1]) { return nil }
        while true {
            let digits = digitRun(in: scalars, at: index)
            guard !digits.isEmpty else { break }
            groups.append(digits)
            index += digits.count
            guard index + 1 < scalars.count, [" ", "-", "."].contains(scalars[index]), isDigit(scalars[index + 1]) else {
                break
            }
            separators.insert(scalars[index])
            index += 1
        }
        // A thousands separator or a trailing letter means an amount or a word, not an identifier.
        if index < scalars.count, isWordScalar(scalars[index]) { return nil }
        if index + 1 < scalars.count, scalars[index] == ",", isDigit(scalars[index + 1]) { return nil }
        guard let placeholder = classify(groups, separators: separators, decorated: decorated) else { return nil }
        return (index, placeholder)
    }

    private static func classify(_ groups: [[UInt8]], separators: Set<Unicode.Scalar>, decorated: Bool) -> String? {
        let digits = groups.flatMap { $0 }
        let sizes = groups.map(\.count)
        if sizes == [3, 2, 4], !separators.contains(".") { return "[ssn]" }
        if isPhone(sizes, digits: digits, decorated: decorated) { return "[phone]" }
        let groupedLikeAnAccount = groups.count == 1 || sizes.allSatisfy { $0 >= 4 }
        guard groupedLikeAnAccount, digits.count >= 8 else { return nil }
        if (13...19).contains(digits.count), passesLuhn(digits) { return "[card number]" }
        if groups.count == 1, digits.count == 9, passesABAChecksum(digits) { return "[routing number]" }
        return "[account number]"
    }

    private static func isPhone(_ sizes: [Int], digits: [UInt8], decorated: Bool) -> Bool {
        if sizes == [3, 3, 4] || sizes == [1, 3, 3, 4] { return true }
        return decorated && (8...15).contains(digits.count)
    }

    private static func passesLuhn(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (position, digit) in digits.reversed().enumerated() {
            let value = Int(digit)
            sum += position % 2 == 1 ? (value * 2 > 9 ? value * 2 - 9 : value * 2) : value
        }
        return sum % 10 == 0
    }

    private static func passesABAChecksum(_ d: [UInt8]) -> Bool {
        let weighted = 3 * (Int(d[0]) + Int(d[3]) + Int(d[6])) + 7 * (Int(d[1]) + Int(d[4]) + Int(d[7]))
            + (Int(d[2]) + Int(d[5]) + Int(d[8]))
        return weighted % 10 == 0
    }

    // MARK: Characters

    private static func digitRun(in scalars: [Unicode.Scalar], at start: Int) -> [UInt8] {
        var digits: [UInt8] = []
        var index = start
        while index < scalars.count, isDigit(scalars[index]) {
            digits.append(UInt8(scalars[index].value - 48))
            index += 1
        }
        return digits
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || isDigit(scalar))
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || isDigit(scalar) || scalar == "_"
    }

    private static func isLocalPartScalar(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || [".", "_", "%", "+", "-"].contains(scalar)
    }
}
