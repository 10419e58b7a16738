/// Amounts and rates as text for replies: US style, the same on every machine (no locale, no
/// Foundation formatters).
public enum MoneyFormat {
    /// "$12,345.67"; "-$1,234.00" for a negative amount.
    public static func dollars(_ cents: Int64) -> String { sign(cents) + "$" + plain(magnitude: cents.magnitude) }

    /// "12,345.67" ("-12,345.67"): a fact's value, with no currency symbol.
    public static func plain(_ cents: Int64) -> String { sign(cents) + plain(magnitude: cents.magnitude) }

    /// "$12,346": rounded to the whole dollar (half away from zero), for large round figures.
    public static func wholeDollars(_ cents: Int64) -> String {
        let dollars = cents.magnitude / 100 + (cents.magnitude % 100 >= 50 ? 1 : 0)
        return (dollars == 0 ? "" : sign(cents)) + "$" + grouped(dollars)
    }

    /// "24.99%" from basis points (2499); always two decimals ("5.00%", "-1.50%").
    public static func percent(bps: Int) -> String {
        let magnitude = bps.magnitude
        return (bps < 0 ? "-" : "") + grouped(UInt64(magnitude / 100)) + "." + twoDigits(UInt64(magnitude % 100)) + "%"
    }

    /// A fraction as a percentage with `fractionDigits` decimals (0.2534 → "25.3%"), rounded half away from zero.
    public static func percent(fraction: Double, fractionDigits: Int = 1) -> String {
        guard fraction.isFinite else { return "—" }
        let digits = min(max(fractionDigits, 0), 6)
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = Cents.rounding(fraction * 100 * Double(scale))
        let whole = grouped(scaled.magnitude / UInt64(scale))
        let remainder = String(scaled.magnitude % UInt64(scale))
        let decimals = digits == 0 ? "" : "." + String(repeating: "0", count: digits - remainder.count) + remainder
        return (scaled < 0 ? "-" : "") + whole + decimals + "%"
    }

    private static func sign(_ cents: Int64) -> String { cents < 0 ? "-" : "" }

    private static func plain(magnitude: UInt64) -> String {
        grouped(magnitude / 100) + "." + twoDigits(magnitude % 100)
    }

    private static func twoDigits(_ value: UInt64) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// `value` with a comma between every three digits: 1234567 → "1,234,567".
    private static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
