/// How far a portfolio has wandered from its target allocation.
public struct AllocationDrift: Hashable, Sendable {
    /// Current share minus target share, in basis points, for every class in either (+300 = 3
    /// points overweight); classes at neither are absent.
    public let basisPoints: [AssetClass: Int]

    /// The class furthest from its target (the first in ``AssetClass`` order on a tie) and its
    /// signed drift; `nil` when there is nothing to compare.
    public var largest: (assetClass: AssetClass, basisPoints: Int)? {
        var largest: (assetClass: AssetClass, basisPoints: Int)?
        for (assetClass, drift) in basisPoints.sorted(by: { $0.key < $1.key })
        where abs(drift) > abs(largest?.basisPoints ?? -1) {
            largest = (assetClass, drift)
        }
        return largest
    }

    /// Whether any class is more than `thresholdBps` from its target (500 = the common 5-point band).
    public func needsRebalancing(thresholdBps: Int = 500) -> Bool {
        basisPoints.values.contains { abs($0) > thresholdBps }
    }

    init(current: AssetAllocation, target: AssetAllocation) {
        let classes = Set(current.weights.keys).union(target.weights.keys)
        basisPoints = Dictionary(
            uniqueKeysWithValues: classes.map { assetClass in
                let drift = (current.weight(of: assetClass) - target.weight(of: assetClass)) * 10_000
                return (assetClass, Int(drift.rounded(.toNearestOrAwayFromZero)))
            })
    }
}
