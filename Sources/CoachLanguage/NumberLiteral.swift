/// Reads digits with thousands and decimal separators as people type them: "20,000", "1.5", "1,234.56",
/// "20.000,50", "2,5".
///
/// With both `,` and `.` present the last one is the decimal mark. A lone kind of separator is a thousands
/// separator when every group after the first has exactly three digits ("20,000", "1.000.000") — except a single
/// `.` (then it is a decimal point, "1.250" = 1.25) unless `periodGroupsThousands` says the amount is in a
/// currency written that way (euros: "1.250 €" = 1250). Anything else (`01.06.2028`) is not a number.
enum NumberLiteral {
    /// The value of `text`, or `nil` when it is not a well-formed number.
    static func value(of text: String, periodGroupsThousands: Bool = false) -> Double? {
        let commas = text.filter { $0 == "," }.count
        let periods = text.filter { $0 == "." }.count
        switch (commas, periods) {
        case (0, 0): return Double(text)
        case (_, 0): return single(text, separator: ",", count: commas, thousandsIfOne: true)
        case (0, _): return single(text, separator: ".", count: periods, thousandsIfOne: periodGroupsThousands)
        default: return mixed(text)
        }
    }

    private static func single(_ text: String, separator: Character, count: Int, thousandsIfOne: Bool) -> Double? {
        let groups = text.split(separator: separator, omittingEmptySubsequences: false)
        if isGrouped(groups), count > 1 || thousandsIfOne { return Double(groups.joined()) }
        guard count == 1 else { return nil }
        return Double("\(groups[0]).\(groups[1])")
    }

    private static func mixed(_ text: String) -> Double? {
        guard let lastComma = text.lastIndex(of: ","), let lastPeriod = text.lastIndex(of: ".") else { return nil }
        let decimal: Character = lastComma > lastPeriod ? "," : "."
        let grouping: Character = decimal == "," ? "." : ","
        let parts = text.split(separator: decimal, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].contains(grouping) else { return nil }
        let groups = parts[0].split(separator: grouping, omittingEmptySubsequences: false)
        guard isGrouped(groups) else { return nil }
        return Double("\(groups.joined()).\(parts[1])")
    }

    /// Whether `groups` look like thousands: 1–3 digits, then groups of exactly 3.
    private static func isGrouped(_ groups: [Substring]) -> Bool {
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}
