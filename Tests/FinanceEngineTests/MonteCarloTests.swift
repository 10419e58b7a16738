import FinanceEngine
import Foundation
import Testing

@Suite("Monte Carlo projections")
struct MonteCarloTests {
    static let balanced = AssetAllocation([.usEquity: 0.5, .intlEquity: 0.2, .bond: 0.3])!

    static func inputs(
        contribution: Int64 = 50_000, years: Int = 30, paths: Int = 2_000, seed: UInt64 = 7,
        target: Int64? = nil, assumptions: MarketAssumptions = .standard
    ) -> MonteCarloInputs {
        MonteCarloInputs(
            startBalanceCents: 5_000_000, monthlyContributionCents: contribution, years: years, allocation: balanced,
            targetCents: target, paths: paths, seed: seed, assumptions: assumptions)
    }

    /// No volatility and no inflation: every path is the deterministic monthly-compounded future value.
    static let calm = MarketAssumptions(
        returns: Dictionary(
            uniqueKeysWithValues: AssetClass.allCases.map { ($0, .init(mean: 0.06, standardDeviation: 0)) }),
        inflation: .init(mean: 0, standardDeviation: 0))

    @Test func theSameSeedGivesTheSameResult() throws {
        let first = try MonteCarlo.project(Self.inputs(seed: 42))
        let second = try MonteCarlo.project(Self.inputs(seed: 42))
        #expect(first == second)
    }

    @Test func differentSeedsDifferSlightly() throws {
        let first = try #require(try MonteCarlo.project(Self.inputs(seed: 1)).final)
        let second = try #require(try MonteCarlo.project(Self.inputs(seed: 2)).final)
        #expect(first != second)
        let gap = abs(Double(first.p50Cents - second.p50Cents)) / Double(first.p50Cents)
        #expect(gap < 0.05, "medians \(first.p50Cents) and \(second.p50Cents)")
    }

    @Test func zeroVolatilityIsTheDeterministicFutureValue() throws {
        let result = try MonteCarlo.project(Self.inputs(paths: 50, assumptions: Self.calm))
        #expect(result.years.map(\.year) == Array(1...30))
        for year in result.years {
            let expected = TimeValue.fv(rate: 0.06 / 12, nper: Double(year.year * 12), pmt: -500, pv: -50_000)
            #expect(agreeToTheCent(Cents.toDollars(year.p50Cents), expected), "year \(year.year)")
            #expect(year.p10Cents == year.p50Cents && year.p90Cents == year.p50Cents)
        }
    }

    @Test func inflationIsTakenOutOfNominalReturns() throws {
        var inflating = Self.calm
        inflating.inflation = .init(mean: 0.03, standardDeviation: 0)
        let final = try #require(
            try MonteCarlo.project(Self.inputs(years: 10, paths: 10, assumptions: inflating)).final)
        let nominal = TimeValue.fv(rate: 0.005, nper: 120, pmt: -500, pv: -50_000)
        #expect(agreeToTheCent(Cents.toDollars(final.p50Cents), nominal / pow(1.03, 10)))
        inflating.basis = .real
        let real = try #require(try MonteCarlo.project(Self.inputs(years: 10, paths: 10, assumptions: inflating)).final)
        #expect(agreeToTheCent(Cents.toDollars(real.p50Cents), nominal))
    }

    @Test func contributionsThatGrowWithInflationKeepTheirValue() throws {
        var assumptions = Self.calm
        assumptions.returns = [.cash: .init(mean: 0.03, standardDeviation: 0)]
        assumptions.inflation = .init(mean: 0.03, standardDeviation: 0)
        var inputs = MonteCarloInputs(
            startBalanceCents: 0, monthlyContributionCents: 10_000, years: 5, allocation: .single(.cash), paths: 5,
            assumptions: assumptions)
        let flat = try #require(try MonteCarlo.project(inputs).final)
        inputs.contributionGrowsWithInflation = true
        let indexed = try #require(try MonteCarlo.project(inputs).final)
        #expect(indexed.p50Cents > flat.p50Cents)
    }

    @Test func aHigherContributionRaisesEveryPercentile() throws {
        let low = try MonteCarlo.project(Self.inputs(contribution: 50_000))
        let high = try MonteCarlo.project(Self.inputs(contribution: 60_000))
        for (lower, higher) in zip(low.years, high.years) {
            #expect(
                higher.p10Cents > lower.p10Cents && higher.p50Cents > lower.p50Cents && higher.p90Cents > lower.p90Cents
            )
        }
    }

    @Test func percentilesAreOrderedAndSpreadWithTime() throws {
        let result = try MonteCarlo.project(Self.inputs())
        for year in result.years { #expect(year.p10Cents < year.p50Cents && year.p50Cents < year.p90Cents) }
        let first = try #require(result.years.first)
        let last = try #require(result.final)
        #expect(last.p90Cents - last.p10Cents > first.p90Cents - first.p10Cents)
        #expect(result.probabilityOfSuccess == nil)
    }

    @Test func probabilityOfSuccessFallsAsTheTargetRises() throws {
        let probabilities = try [1_00, 50_000_000, 100_000_000, 1_000_000_000_000].map {
            try #require(try MonteCarlo.project(Self.inputs(target: $0)).probabilityOfSuccess)
        }
        #expect(probabilities.first == 1 && probabilities.last == 0)
        #expect(probabilities == probabilities.sorted(by: >))
        #expect(probabilities[1] > 0 && probabilities[1] < 1)
    }

    @Test func withdrawalsStopAtZero() throws {
        let inputs = MonteCarloInputs(
            startBalanceCents: 10_000_000, monthlyContributionCents: -200_000, years: 10, allocation: .single(.cash),
            paths: 500)
        let final = try #require(try MonteCarlo.project(inputs).final)
        #expect(final.p10Cents == 0 && final.p90Cents == 0)
    }

    @Test func portfolioReturnCombinesClassesWithCorrelations() {
        let assumptions = MarketAssumptions.standard
        let stocks = assumptions.portfolioReturn(of: .single(.usEquity))
        #expect(stocks.mean == 0.07 && stocks.standardDeviation == 0.16)
        let mix = assumptions.portfolioReturn(of: AssetAllocation([.usEquity: 1, .bond: 1])!)
        #expect(abs(mix.mean - 0.05) < 1e-15)
        #expect(abs(mix.standardDeviation - (0.0064 + 0.0009 + 2 * 0.25 * 0.16 * 0.06 * 0.1).squareRoot()) < 1e-15)
        #expect(assumptions.correlation(.intlEquity, .usEquity) == 0.8)
        #expect(assumptions.correlation(.cash, .crypto) == 0)
        var partial = MarketAssumptions(returns: [.cash: .init(mean: 0.01, standardDeviation: 0)])
        #expect(partial.distribution(of: .crypto) == .init(mean: 0.04, standardDeviation: 0.10))
        partial.returns[.other] = .init(mean: 0.02, standardDeviation: 0.05)
        #expect(partial.distribution(of: .crypto) == .init(mean: 0.02, standardDeviation: 0.05))
    }

    @Test func inputsOutOfRangeAreRejected() {
        #expect(throws: FinanceEngineError.self) { try MonteCarlo.project(Self.inputs(years: 0)) }
        #expect(throws: FinanceEngineError.self) { try MonteCarlo.project(Self.inputs(paths: 0)) }
        var wild = MarketAssumptions.standard
        wild.returns[.bond] = .init(mean: 0.03, standardDeviation: -1)
        #expect(throws: FinanceEngineError.self) { try MonteCarlo.project(Self.inputs(assumptions: wild)) }
        do {
            _ = try MonteCarlo.project(Self.inputs(years: 101))
        } catch {
            #expect(error.code == .invalidInput)
            #expect(error.description.contains("years"))
        }
    }

    /// The full-size run: 10,000 paths × 40 years (its speed is checked in release builds).
    @Test func tenThousandPathsOfFortyYears() throws {
        let inputs = MonteCarloInputs(
            startBalanceCents: 2_500_000, monthlyContributionCents: 100_000, years: 40,
            allocation: RiskTolerance.moderate.targetAllocation(age: 30), targetCents: 100_000_000)
        let result = try MonteCarlo.project(inputs)
        #expect(result.years.count == 40 && result.paths == 10_000)
        let final = try #require(result.final)
        // Nominal: 6.4 % mean, ~5.3 % a year compounded (volatility drag), on $25,000 plus $1,000 a
        // month is ~$1.86M; divided by 40 years of 2.5 % inflation (2.69×), ~$690,000 today.
        #expect(final.p50Cents > 60_000_000 && final.p50Cents < 85_000_000, "\(final)")
        let success = try #require(result.probabilityOfSuccess)
        #expect(success > 0.15 && success < 0.5, "\(success)")
    }
}
