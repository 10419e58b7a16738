/// What a fund's fees cost over a horizon: the gap between the balance grown at the gross return
/// and at the return less the expense ratio (both compounded monthly, contributions at month end).
public struct FeeDrag: Hashable, Sendable {
    /// The horizon.
    public let years: Int
    /// The balance with no fees: `npf.fv(r/12, 12·years, -contribution, -start)`.
    public let withoutFeesCents: Int64
    /// The balance with fees: the same at (r − expense ratio) / 12.
    public let withFeesCents: Int64

    /// What the fees cost: ``withoutFeesCents`` − ``withFeesCents``.
    public var dragCents: Int64 { withoutFeesCents - withFeesCents }

    /// The drag of `expenseRatioBps` on `startCents` plus `monthlyContributionCents` a month over
    /// `years` years at `annualReturn` (0.07 = 7 %) before fees.
    public init(
        startCents: Int64, monthlyContributionCents: Int64 = 0, annualReturn: Double, expenseRatioBps: Double,
        years: Int
    ) {
        self.years = years
        let grow = { (rate: Double) in
            Cents.fromDollars(
                TimeValue.fv(
                    rate: rate / 12, nper: Double(max(years, 0) * 12), pmt: -Cents.toDollars(monthlyContributionCents),
                    pv: -Cents.toDollars(startCents)))
        }
        withoutFeesCents = grow(annualReturn)
        withFeesCents = grow(annualReturn - expenseRatioBps / 10_000)
    }
}
