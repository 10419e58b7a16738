/// What a ``MonteCarlo`` projection starts from and runs for.
public struct MonteCarloInputs: Hashable, Sendable {
    /// Invested today.
    public var startBalanceCents: Int64
    /// Added at the end of every month; negative for a withdrawal (the balance stops at 0).
    public var monthlyContributionCents: Int64
    /// Whether the contribution rises with simulated inflation (a constant amount in today's
    /// dollars) rather than staying the same number of dollars.
    public var contributionGrowsWithInflation: Bool
    /// How long to project, 1…100 years.
    public var years: Int
    /// How the balance is invested, rebalanced every month.
    public var allocation: AssetAllocation
    /// The goal in today's dollars; success is ending at or above it.
    public var targetCents: Int64?
    /// How many paths to simulate, 1…1,000,000.
    public var paths: Int
    /// The random stream: the same seed and inputs always give the same result.
    public var seed: UInt64
    /// What markets and inflation are assumed to do.
    public var assumptions: MarketAssumptions

    /// Inputs as given; 10,000 paths and a fixed seed unless said otherwise.
    public init(
        startBalanceCents: Int64, monthlyContributionCents: Int64, years: Int, allocation: AssetAllocation,
        targetCents: Int64? = nil, contributionGrowsWithInflation: Bool = false, paths: Int = 10_000,
        seed: UInt64 = 0x504C_5554_5553, assumptions: MarketAssumptions = .standard
    ) {
        self.startBalanceCents = startBalanceCents
        self.monthlyContributionCents = monthlyContributionCents
        self.contributionGrowsWithInflation = contributionGrowsWithInflation
        self.years = years
        self.allocation = allocation
        self.targetCents = targetCents
        self.paths = paths
        self.seed = seed
        self.assumptions = assumptions
    }

    /// The inputs' problems, if any, as one error.
    func validate() throws(FinanceEngineError) {
        guard (1...100).contains(years) else { throw .invalidInput("years must be 1...100, not \(years)") }
        guard (1...1_000_000).contains(paths) else { throw .invalidInput("paths must be 1...1000000, not \(paths)") }
        let figures = [assumptions.inflation] + AssetClass.allCases.map(assumptions.distribution(of:))
        guard
            figures.allSatisfy({
                $0.mean > -1 && $0.mean.isFinite && $0.standardDeviation >= 0 && $0.standardDeviation.isFinite
            })
        else { throw .invalidInput("market assumptions need means above -100% and finite, non-negative deviations") }
    }
}
