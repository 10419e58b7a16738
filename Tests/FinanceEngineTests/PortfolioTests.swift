import FinanceEngine
import Testing

@Suite("Portfolio")
struct PortfolioTests {
    /// $42,000: $25,000 of VTI, $12,000 of VXUS, $3,625 of BND, $1,375 of cash.
    let portfolio = Portfolio(holdings: [
        PortfolioHolding(symbol: "VTI", assetClass: .usEquity, quantity: 100, priceCents: 25_000, expenseRatioBps: 3),
        PortfolioHolding(symbol: "VXUS", assetClass: .intlEquity, quantity: 200, priceCents: 6_000, expenseRatioBps: 5),
        PortfolioHolding(symbol: "BND", assetClass: .bond, quantity: 50, priceCents: 7_250, expenseRatioBps: 3),
        PortfolioHolding(symbol: "Cash", assetClass: .cash, valueCents: 137_500),
    ])

    @Test func assetClassesParseTheirWireNames() {
        #expect(
            AssetClass.allCases.map(\.rawValue) == [
                "us_equity", "intl_equity", "bond", "cash", "real_estate", "crypto", "other",
            ])
        #expect(AssetClass(rawValue: "real_estate") == .realEstate)
        #expect(AssetClass(rawValue: "stocks") == nil)
        #expect(AssetClass.usEquity.isEquity && !AssetClass.bond.isEquity)
    }

    @Test func glidePathTargets() {
        func basisPoints(_ tolerance: RiskTolerance, _ age: Int) -> [Int] {
            let target = tolerance.targetAllocation(age: age)
            return [AssetClass.usEquity, .intlEquity, .bond, .cash].map { target.basisPoints(of: $0) }
        }
        #expect(basisPoints(.moderate, 30) == [6_300, 2_700, 700, 300])
        #expect(basisPoints(.conservative, 70) == [2_800, 1_200, 5_500, 500])
        #expect(basisPoints(.aggressive, 20) == [6_650, 2_850, 300, 200])  // 110 % capped at 95 %
        #expect(basisPoints(.conservative, 100) == [1_400, 600, 7_500, 500])  // floor of 20 %
        #expect(Portfolio.targetAllocation(for: .moderate, age: 30) == RiskTolerance.moderate.targetAllocation(age: 30))
        for tolerance in RiskTolerance.allCases {
            for age in stride(from: 0, through: 120, by: 5) {
                #expect(basisPoints(tolerance, age).reduce(0, +) == 10_000)
                #expect(tolerance.targetAllocation(age: age).equityShare >= 0.2 - 1e-12)
            }
        }
    }

    @Test func currentAllocationIsByValue() throws {
        #expect(portfolio.totalValueCents == 4_200_000)
        #expect(portfolio.valueCents(of: .usEquity) == 2_500_000)
        let allocation = try #require(portfolio.allocation)
        #expect(allocation.basisPoints(of: .usEquity) == 5_952)
        #expect(allocation.basisPoints(of: .intlEquity) == 2_857)
        #expect(allocation.basisPoints(of: .bond) == 863)
        #expect(allocation.basisPoints(of: .cash) == 327)
        #expect(allocation.assetClasses == [.usEquity, .intlEquity, .bond, .cash])
    }

    @Test func driftAgainstTheTargetAndTheLargestDrift() throws {
        let drift = portfolio.drift(from: RiskTolerance.moderate.targetAllocation(age: 30))
        #expect(drift.basisPoints == [.usEquity: -348, .intlEquity: 157, .bond: 163, .cash: 27])
        let largest = try #require(drift.largest)
        #expect(largest.assetClass == .usEquity && largest.basisPoints == -348)
        #expect(!drift.needsRebalancing())
        #expect(drift.needsRebalancing(thresholdBps: 300))
    }

    @Test func driftIncludesClassesHeldButNotTargeted() throws {
        let crypto = Portfolio(holdings: [
            PortfolioHolding(assetClass: .usEquity, valueCents: 80_000),
            PortfolioHolding(assetClass: .crypto, valueCents: 20_000),
        ])
        let drift = crypto.drift(from: .single(.usEquity))
        #expect(drift.basisPoints == [.usEquity: -2_000, .crypto: 2_000])
        // A tie goes to the class first in AssetClass order.
        #expect(drift.largest?.assetClass == .usEquity)
    }

    @Test func weightedExpenseRatio() {
        #expect(abs(portfolio.weightedExpenseRatioBps - 145_875.0 / 42_000) < 1e-12)
        #expect(Portfolio(holdings: []).weightedExpenseRatioBps == 0)
        #expect(Portfolio(holdings: []).allocation == nil)
    }

    @Test func emptyPortfolioDriftsByTheWholeTarget() {
        let drift = Portfolio(holdings: []).drift(from: .single(.bond))
        #expect(drift.basisPoints == [.bond: -10_000])
    }

    @Test func feeDragMatchesTheReference() throws {
        let cases = try Reference.load().feeDrag
        #expect(cases.count >= 15)
        for c in cases {
            let drag = FeeDrag(
                startCents: c.startCents, monthlyContributionCents: c.contributionCents, annualReturn: c.annualReturn,
                expenseRatioBps: c.expenseRatioBps, years: c.years)
            #expect(drag.withoutFeesCents == c.withoutFeesCents, "\(c)")
            #expect(drag.withFeesCents == c.withFeesCents, "\(c)")
            #expect(drag.dragCents == c.dragCents, "\(c)")
        }
    }

    @Test func portfolioFeeDragOverTheUsualHorizons() throws {
        let drags = portfolio.feeDrag(annualReturn: 0.07, monthlyContributionCents: 50_000)
        #expect(drags.map(\.years) == [10, 20, 30])
        #expect(drags.map(\.dragCents) == drags.map(\.dragCents).sorted())
        let thirty = try #require(drags.last)
        let expected = FeeDrag(
            startCents: 4_200_000, monthlyContributionCents: 50_000, annualReturn: 0.07,
            expenseRatioBps: portfolio.weightedExpenseRatioBps, years: 30)
        #expect(thirty == expected)
        #expect(thirty.dragCents > 0)
        #expect(FeeDrag(startCents: 1_000_000, annualReturn: 0.07, expenseRatioBps: 0, years: 30).dragCents == 0)
    }

    @Test func allocationsNormalizeTheirWeights() throws {
        let allocation = try #require(AssetAllocation([.usEquity: 60, .bond: 40, .cash: 0, .crypto: -5]))
        #expect(allocation.weight(of: .usEquity) == 0.6 && allocation.weight(of: .bond) == 0.4)
        #expect(allocation.weights.count == 2)
        #expect(AssetAllocation([.cash: 0]) == nil)
        #expect(AssetAllocation([:]) == nil)
    }
}
