/// A set of holdings: its value, allocation, cost and drift from a target.
public struct Portfolio: Hashable, Sendable {
    /// Every position, in the caller's order.
    public let holdings: [PortfolioHolding]

    /// A portfolio of `holdings`.
    public init(holdings: [PortfolioHolding]) { self.holdings = holdings }

    /// The age-based target for `tolerance`: see ``RiskTolerance/targetAllocation(age:)``.
    public static func targetAllocation(for tolerance: RiskTolerance, age: Int) -> AssetAllocation {
        tolerance.targetAllocation(age: age)
    }

    /// The sum of the holdings' values.
    public var totalValueCents: Int64 { holdings.reduce(0) { $0 + $1.valueCents } }

    /// The value held in `assetClass`.
    public func valueCents(of assetClass: AssetClass) -> Int64 {
        holdings.filter { $0.assetClass == assetClass }.reduce(0) { $0 + $1.valueCents }
    }

    /// The current split by value; `nil` when nothing of value is held.
    public var allocation: AssetAllocation? {
        AssetAllocation(Dictionary(uniqueKeysWithValues: AssetClass.allCases.map { ($0, Double(valueCents(of: $0))) }))
    }

    /// The expense ratio of the whole, weighting each holding's by its value, in basis points; 0 when empty.
    public var weightedExpenseRatioBps: Double {
        let total = totalValueCents
        guard total > 0 else { return 0 }
        return holdings.reduce(0) { $0 + Double($1.valueCents) * $1.expenseRatioBps } / Double(total)
    }

    /// How far the current allocation is from `target`; every class counts as drift when nothing is held.
    public func drift(from target: AssetAllocation) -> AllocationDrift {
        let current = allocation ?? AssetAllocation(exactBasisPoints: [:])
        return AllocationDrift(current: current, target: target)
    }

    /// What the portfolio's weighted expense ratio costs over each of `horizons` years at
    /// `annualReturn` before fees, with `monthlyContributionCents` added a month.
    public func feeDrag(
        annualReturn: Double, monthlyContributionCents: Int64 = 0, horizons: [Int] = [10, 20, 30]
    ) -> [FeeDrag] {
        horizons.map {
            FeeDrag(
                startCents: totalValueCents, monthlyContributionCents: monthlyContributionCents,
                annualReturn: annualReturn, expenseRatioBps: weightedExpenseRatioBps, years: $0)
        }
    }
}
