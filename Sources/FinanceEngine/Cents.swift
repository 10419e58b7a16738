/// Conversions between dollars held in a `Double` and exact integer cents.
///
/// Money in this module is `Int64` cents; formulas that need fractions work in `Double` and come
/// back through ``fromDollars(_:)``, which rounds half away from zero (1.005 → 101 cents when the
/// `Double` is exactly 1.005, as in bank rounding).
public enum Cents {
    /// `dollars` rounded half away from zero to the cent; saturates at `Int64`'s range, 0 for NaN.
    public static func fromDollars(_ dollars: Double) -> Int64 {
        rounding(dollars * 100, .toNearestOrAwayFromZero)
    }

    /// `dollars` rounded up (toward +∞) to the cent, for amounts that must be enough; floating-point
    /// noise under a millionth of a cent does not round up (100.000000000001 → 10000 cents).
    public static func fromDollarsRoundingUp(_ dollars: Double) -> Int64 {
        rounding(dollars * 100 - 1e-6, .up)
    }

    /// The dollar amount of `cents`.
    public static func toDollars(_ cents: Int64) -> Double { Double(cents) / 100 }

    /// `value` (already in cents) rounded half away from zero; saturates, 0 for NaN.
    public static func rounding(_ value: Double, _ rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> Int64
    {
        guard !value.isNaN else { return 0 }
        let rounded = value.rounded(rule)
        // 2^63 is exactly representable; anything at or beyond it does not fit.
        if rounded >= 9_223_372_036_854_775_808.0 { return .max }
        if rounded < -9_223_372_036_854_775_808.0 { return .min }
        return Int64(rounded)
    }
}
