/// How much ups and downs a person accepts; sets the glide path of ``targetAllocation(age:)``.
public enum RiskTolerance: String, Hashable, Sendable, CaseIterable {
    case conservative
    case moderate
    case aggressive

    /// The age-based target: a glide path from stocks to bonds.
    ///
    /// - Stocks: (110, 120 or 130 − age)% for conservative, moderate, aggressive, kept within 20–95 %,
    ///   split 70 % US and 30 % international.
    /// - Cash: 5 %, 3 % or 2 % (less if stocks leave less room).
    /// - Bonds: the rest.
    ///
    /// A 30-year-old moderate investor: 90 % stocks (63 % US, 27 % international), 3 % cash, 7 % bonds.
    public func targetAllocation(age: Int) -> AssetAllocation {
        let equityPercent = min(max(equityBase - age, 20), 95)
        let equity = equityPercent * 100
        let usEquity = equityPercent * 70
        let cash = min(cashBasisPoints, 10_000 - equity)
        return AssetAllocation(exactBasisPoints: [
            .usEquity: usEquity, .intlEquity: equity - usEquity, .cash: cash, .bond: 10_000 - equity - cash,
        ])
    }

    private var equityBase: Int {
        switch self {
        case .conservative: 110
        case .moderate: 120
        case .aggressive: 130
        }
    }

    private var cashBasisPoints: Int {
        switch self {
        case .conservative: 500
        case .moderate: 300
        case .aggressive: 200
        }
    }
}
