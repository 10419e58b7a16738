/// Expected returns, volatilities and correlations of each asset class, and inflation: what a
/// ``MonteCarlo`` projection draws from.
public struct MarketAssumptions: Hashable, Sendable {
    /// A yearly figure's mean and standard deviation, as fractions (0.07 = 7 %).
    public struct Distribution: Hashable, Sendable {
        /// The arithmetic mean a year.
        public var mean: Double
        /// The standard deviation a year (the volatility).
        public var standardDeviation: Double

        /// A distribution as given.
        public init(mean: Double, standardDeviation: Double) {
            self.mean = mean
            self.standardDeviation = standardDeviation
        }
    }

    /// Whether ``returns`` include inflation (nominal) or are already above it (real).
    public enum Basis: String, Hashable, Sendable {
        /// Returns include inflation; a projection deflates by simulated inflation to report today's dollars.
        case nominal
        /// Returns are after inflation; balances are already in today's dollars and inflation is not simulated.
        case real
    }

    /// Each class's yearly return (arithmetic mean) and volatility; a missing class is ``fallback``.
    public var returns: [AssetClass: Distribution]
    /// Yearly inflation.
    public var inflation: Distribution
    /// Whether ``returns`` are nominal or real.
    public var basis: Basis
    /// Correlations between pairs of classes (a two-element set as key); missing pairs are 0.
    public var correlations: [Set<AssetClass>: Double]

    /// Assumptions as given, each defaulting to ``standard``'s.
    public init(
        returns: [AssetClass: Distribution] = MarketAssumptions.standard.returns,
        inflation: Distribution = MarketAssumptions.standard.inflation, basis: Basis = .nominal,
        correlations: [Set<AssetClass>: Double] = MarketAssumptions.standard.correlations
    ) {
        self.returns = returns
        self.inflation = inflation
        self.basis = basis
        self.correlations = correlations
    }

    /// Long-run nominal assumptions, deliberately modest (mean / volatility a year): US stocks
    /// 7 % / 16 %, international stocks 6.5 % / 17 %, bonds 3 % / 6 %, cash 2 % / 1 %, real estate
    /// 5 % / 12 %, crypto 8 % / 60 %, other 4 % / 10 %; inflation 2.5 % / 1.2 %. Correlations: US and
    /// international stocks 0.8, stocks and real estate 0.6 (US) and 0.55 (international), stocks
    /// and bonds 0.1, real estate and bonds 0.2, stocks and crypto 0.3, stocks and other 0.5.
    public static let standard = MarketAssumptions(
        returns: [
            .usEquity: .init(mean: 0.07, standardDeviation: 0.16),
            .intlEquity: .init(mean: 0.065, standardDeviation: 0.17),
            .bond: .init(mean: 0.03, standardDeviation: 0.06),
            .cash: .init(mean: 0.02, standardDeviation: 0.01),
            .realEstate: .init(mean: 0.05, standardDeviation: 0.12),
            .crypto: .init(mean: 0.08, standardDeviation: 0.60),
            .other: .init(mean: 0.04, standardDeviation: 0.10),
        ],
        inflation: .init(mean: 0.025, standardDeviation: 0.012),
        basis: .nominal,
        correlations: [
            [.usEquity, .intlEquity]: 0.8, [.usEquity, .realEstate]: 0.6, [.intlEquity, .realEstate]: 0.55,
            [.usEquity, .bond]: 0.1, [.intlEquity, .bond]: 0.1, [.realEstate, .bond]: 0.2,
            [.usEquity, .crypto]: 0.3, [.intlEquity, .crypto]: 0.3,
            [.usEquity, .other]: 0.5, [.intlEquity, .other]: 0.5,
        ])

    /// What a class missing from ``returns`` is assumed to do: ``AssetClass/other``'s figures, or 4 % / 10 %.
    public var fallback: Distribution { returns[.other] ?? .init(mean: 0.04, standardDeviation: 0.10) }

    /// `assetClass`'s yearly return.
    public func distribution(of assetClass: AssetClass) -> Distribution { returns[assetClass] ?? fallback }

    /// The correlation of `first` and `second` (1 for a class with itself).
    public func correlation(_ first: AssetClass, _ second: AssetClass) -> Double {
        first == second ? 1 : correlations[[first, second]] ?? 0
    }

    /// The yearly return of `allocation`, rebalanced continually: mean Σ wᵢμᵢ, standard deviation
    /// √(Σᵢ Σⱼ wᵢwⱼσᵢσⱼρᵢⱼ).
    public func portfolioReturn(of allocation: AssetAllocation) -> Distribution {
        // A fixed order (not the dictionary's), so sums come out the same bit for bit in every process.
        let classes = allocation.assetClasses
        let mean = classes.reduce(0) { $0 + allocation.weight(of: $1) * distribution(of: $1).mean }
        var variance = 0.0
        for first in classes {
            for second in classes {
                variance +=
                    allocation.weight(of: first) * allocation.weight(of: second)
                    * distribution(of: first).standardDeviation * distribution(of: second).standardDeviation
                    * correlation(first, second)
            }
        }
        return Distribution(mean: mean, standardDeviation: max(variance, 0).squareRoot())
    }
}
