extension TimeValue {
    /// The internal rate of return of `values` (one per period, the first at t = 0): the rate at
    /// which their ``npv(rate:values:)`` is zero (`npf.irr`).
    ///
    /// Like numpy-financial, it considers every rate above -100 % that solves the equation and
    /// returns the one closest to zero. numpy-financial takes the roots of the polynomial
    /// Σ vₜ·xᵗ (x = 1 / (1 + rate)) from a companion matrix; this finds the same real roots by
    /// bisection, the rates at or above 0 as x in (0, 1] and those below 0 as 1/x in (0, 1).
    /// Where the NPV only touches zero (a repeated root) both are at the mercy of rounding:
    /// numpy-financial's roots then usually come out complex, and it returns NaN.
    /// - Returns: the rate, or `nil` when no rate gives a zero NPV (numpy-financial's NaN),
    ///   for example when every value has the same sign.
    public static func irr(values: [Double]) -> Double? {
        // Rates ≥ 0: the largest root x in (0, 1] is the smallest rate.
        let atOrAboveZero = UnitIntervalRoots(coefficients: values).roots().last.map { 1 / $0 - 1 }
        // Rates < 0: with y = 1/x the polynomial reverses, rate = y - 1, and the largest y < 1 is closest to 0.
        let belowZero = UnitIntervalRoots(coefficients: values.reversed()).roots().last { $0 < 1 }.map { $0 - 1 }
        switch (atOrAboveZero, belowZero) {
        case (let positive?, let negative?): return abs(negative) < abs(positive) ? negative : positive
        case (let positive?, nil): return positive
        case (nil, let negative?): return negative
        case (nil, nil): return nil
        }
    }
}
