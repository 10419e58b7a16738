/// Rows in `COPY ... FROM STDIN` text format, built straight into bytes: tab between fields, a
/// newline after each row, `\N` for NULL. Text values are escaped; numbers, dates and UUIDs need no escaping.
struct CopyRows {
    private(set) var bytes: [UInt8] = []
    private var atRowStart = true
    private(set) var count = 0

    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    private mutating func separate() {
        if !atRowStart { bytes.append(UInt8(ascii: "\t")) }
        atRowStart = false
    }

    mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        atRowStart = true
        count += 1
    }

    /// Text, with backslash, tab, newline and carriage return escaped.
    mutating func text(_ value: String) {
        separate()
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            default: bytes.append(byte)
            }
        }
    }

    /// Characters known to need no escaping (UUIDs, dates, enum words).
    mutating func plain(_ value: String) {
        separate()
        bytes += value.utf8
    }

    mutating func null() {
        separate()
        bytes += [UInt8(ascii: "\\"), UInt8(ascii: "N")]
    }

    mutating func integer(_ value: Int) {
        plain(String(value))
    }

    /// Whole cents as a decimal with two places: -123456 → `-1234.56`.
    mutating func money(cents: Int64) {
        plain(Money.decimalString(cents: cents))
    }

    /// A fixed-point number with `scale` decimal places: (150123, 3) → `150.123`.
    mutating func decimal(_ units: Int64, scale: Int) {
        plain(Money.decimalString(units, scale: scale))
    }
}

/// Exact decimal text for amounts held as integers.
public enum Money {
    /// Cents as `1234.56`.
    public static func decimalString(cents: Int64) -> String { decimalString(cents, scale: 2) }

    /// `units` with `scale` digits after the point.
    public static func decimalString(_ units: Int64, scale: Int) -> String {
        guard scale > 0 else { return String(units) }
        var divisor: UInt64 = 1
        for _ in 0..<scale { divisor *= 10 }
        let magnitude = units.magnitude
        let fraction = String(magnitude % divisor)
        return (units < 0 ? "-" : "") + String(magnitude / divisor) + "."
            + String(repeating: "0", count: scale - fraction.count) + fraction
    }
}

extension SplitMix64 {
    /// A version-4 UUID made from this generator, lowercase: deterministic for a seed.
    mutating func uuid() -> String {
        let high = next()
        let low = next()
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<8 {
            bytes[index] = UInt8(truncatingIfNeeded: high >> (56 - 8 * UInt64(index)))
            bytes[8 + index] = UInt8(truncatingIfNeeded: low >> (56 - 8 * UInt64(index)))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// `true` with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    /// Cents in `range` of dollars, to the cent.
    mutating func cents(dollars range: ClosedRange<Double>) -> Int64 {
        Int64((Double.random(in: range, using: &self) * 100).rounded())
    }
}
