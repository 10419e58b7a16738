/// Seeded Monte Carlo projections of an invested balance with monthly contributions.
///
/// The model, month by month:
/// - The portfolio's return (its allocation's mean and volatility, from ``MarketAssumptions``,
///   rebalanced monthly) is lognormal with a monthly mean of mean ÷ 12 and a standard deviation
///   of volatility ÷ √12, so returns never fall below -100 % and zero volatility gives exactly
///   monthly compounding at mean ÷ 12 (``TimeValue/fv(rate:nper:pmt:pv:when:)``).
/// - The contribution is added at the end of the month.
/// - With nominal assumptions, inflation is drawn once a year (normal) and every balance is
///   divided by the price index: results are in today's dollars.
///
/// Paths draw from one xoshiro256** stream in order, so a seed fixes the result. 10,000 paths of
/// 40 years (4.8 million monthly steps) take about 0.13 s on one core in a release build.
public enum MonteCarlo {
    /// The 10th, 50th and 90th percentile balance at the end of each year, and the chance of
    /// meeting the target.
    /// - Throws: ``FinanceEngineError`` when the years, paths or assumptions are out of range.
    public static func project(_ inputs: MonteCarloInputs) throws(FinanceEngineError) -> MonteCarloResult {
        try inputs.validate()
        var endings = [Double](repeating: 0, count: inputs.years * inputs.paths)
        var engine = MonteCarloPath(inputs: inputs)
        for path in 0..<inputs.paths {
            engine.simulate { year, realBalance in endings[year * inputs.paths + path] = realBalance }
        }
        let years = (0..<inputs.years).map { year in
            percentiles(of: &endings[(year * inputs.paths)..<((year + 1) * inputs.paths)], year: year + 1)
        }
        return MonteCarloResult(
            years: years, probabilityOfSuccess: successRate(endings.suffix(inputs.paths), target: inputs.targetCents),
            paths: inputs.paths, seed: inputs.seed)
    }

    /// Sorts one year's balances in place and reads the percentiles off.
    private static func percentiles(of balances: inout ArraySlice<Double>, year: Int) -> MonteCarloResult.Year {
        balances.sort()
        return MonteCarloResult.Year(
            year: year, p10Cents: Cents.rounding(percentile(0.10, ofSorted: balances)),
            p50Cents: Cents.rounding(percentile(0.50, ofSorted: balances)),
            p90Cents: Cents.rounding(percentile(0.90, ofSorted: balances)))
    }

    /// The `fraction` percentile of sorted `values`, interpolating linearly between ranks (numpy's default).
    static func percentile(_ fraction: Double, ofSorted values: ArraySlice<Double>) -> Double {
        guard let first = values.indices.first else { return 0 }
        let position = fraction * Double(values.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, values.count - 1)
        let weight = position - Double(below)
        return values[first + below] * (1 - weight) + values[first + above] * weight
    }

    private static func successRate(_ finalBalances: ArraySlice<Double>, target: Int64?) -> Double? {
        guard let target, !finalBalances.isEmpty else { return nil }
        let successes = finalBalances.reduce(0) { $0 + ($1 >= Double(target) ? 1 : 0) }
        return Double(successes) / Double(finalBalances.count)
    }
}
