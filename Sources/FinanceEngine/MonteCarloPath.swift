internal import Foundation

/// One path of a projection at a time, all in cents held as `Double`, from one random stream.
struct MonteCarloPath {
    private let startCents: Double
    private let contributionCents: Double
    private let contributionGrowsWithInflation: Bool
    private let years: Int
    /// The lognormal monthly return: log gross return ~ N(logMean, logDeviation²).
    private let logMean: Double
    private let logDeviation: Double
    /// Yearly inflation, or `nil` when returns are real already.
    private let inflation: MarketAssumptions.Distribution?
    private var sampler: GaussianSampler

    init(inputs: MonteCarloInputs) {
        startCents = Double(inputs.startBalanceCents)
        contributionCents = Double(inputs.monthlyContributionCents)
        contributionGrowsWithInflation = inputs.contributionGrowsWithInflation
        years = inputs.years
        let yearly = inputs.assumptions.portfolioReturn(of: inputs.allocation)
        let monthlyMean = yearly.mean / 12
        let monthlyDeviation = yearly.standardDeviation / 12.0.squareRoot()
        // Match the lognormal's mean and variance to the monthly arithmetic ones.
        let logVariance = log1p(monthlyDeviation * monthlyDeviation / ((1 + monthlyMean) * (1 + monthlyMean)))
        logMean = log1p(monthlyMean) - logVariance / 2
        logDeviation = logVariance.squareRoot()
        inflation = inputs.assumptions.basis == .nominal ? inputs.assumptions.inflation : nil
        sampler = GaussianSampler(seed: inputs.seed)
    }

    /// Runs one path, reporting the balance in today's dollars at the end of each year (0-based).
    mutating func simulate(report: (Int, Double) -> Void) {
        var balance = startCents
        var priceIndex = 1.0
        for year in 0..<years {
            let contribution = contributionGrowsWithInflation ? contributionCents * priceIndex : contributionCents
            for _ in 0..<12 {
                balance = max(balance * exp(logMean + logDeviation * sampler.next()) + contribution, 0)
            }
            if let inflation {
                priceIndex *= max(1 + inflation.mean + inflation.standardDeviation * sampler.next(), 0.01)
            }
            report(year, balance / priceIndex)
        }
    }
}
