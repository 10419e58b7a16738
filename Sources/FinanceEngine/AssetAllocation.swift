/// How a portfolio is split across asset classes: weights that sum to 1.
public struct AssetAllocation: Hashable, Sendable {
    /// Each class's share, 0…1, summing to 1; classes with no share are absent.
    public let weights: [AssetClass: Double]

    /// The allocation with `weights` scaled to sum to 1 (so values or percentages work as well as
    /// fractions); negative, NaN and zero weights are dropped. `nil` when nothing is left.
    public init?(_ weights: [AssetClass: Double]) {
        let kept = weights.filter { $0.value > 0 && $0.value.isFinite }
        // Summed in class order, not the dictionary's, so equal inputs give equal weights in every process.
        let total = AssetClass.allCases.reduce(0) { $0 + (kept[$1] ?? 0) }
        guard total > 0 else { return nil }
        self.weights = kept.mapValues { $0 / total }
    }

    /// The allocation from whole basis points that already sum to 10,000.
    init(exactBasisPoints: [AssetClass: Int]) {
        weights = exactBasisPoints.filter { $0.value > 0 }.mapValues { Double($0) / 10_000 }
    }

    /// Everything in one class.
    public static func single(_ assetClass: AssetClass) -> AssetAllocation {
        AssetAllocation(exactBasisPoints: [assetClass: 10_000])
    }

    /// `assetClass`'s share, 0…1.
    public func weight(of assetClass: AssetClass) -> Double { weights[assetClass] ?? 0 }

    /// `assetClass`'s share in basis points (6300 = 63 %), rounded.
    public func basisPoints(of assetClass: AssetClass) -> Int { Int((weight(of: assetClass) * 10_000).rounded()) }

    /// The share in stocks (US and international).
    public var equityShare: Double { weight(of: .usEquity) + weight(of: .intlEquity) }

    /// The classes held, in ``AssetClass`` order.
    public var assetClasses: [AssetClass] { weights.keys.sorted() }
}
