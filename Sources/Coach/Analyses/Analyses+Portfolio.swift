import FinanceEngine
import PlutusWire

/// The invested money: allocation against a target for the person's risk and age, what the
/// funds' fees cost over decades, and a Monte Carlo view of retirement.
extension FinancialAnalyses {
    static let investmentTypes: Set<String> = ["retirement_401k", "ira", "roth_ira", "brokerage", "hsa", "403b", "529"]

    static func portfolioOf(_ person: PersonFinances) -> Portfolio {
        Portfolio(
            holdings: person.context.holdings.map { holding in
                PortfolioHolding(
                    symbol: holding.symbol, assetClass: AssetClass(rawValue: holding.assetClass) ?? .other,
                    quantity: Double(holding.quantityMicros) / 1_000_000, priceCents: holding.priceCents,
                    expenseRatioBps: Double(holding.expenseRatioBps))
            })
    }

    static func riskTolerance(_ person: PersonFinances) -> RiskTolerance {
        RiskTolerance(rawValue: person.context.profile?.riskTolerance ?? "") ?? .moderate
    }

    static func portfolio(_ person: PersonFinances) -> Finding {
        let portfolio = portfolioOf(person)
        guard portfolio.totalValueCents > 0, let current = portfolio.allocation else { return .empty }
        var sheet = FactSheet(currency: person.currency)
        let tolerance = riskTolerance(person)
        let target = Portfolio.targetAllocation(for: tolerance, age: person.age ?? 40)
        let value = sheet.money("portfolio_value", portfolio.totalValueCents, source: "finance_engine.portfolio")
        let equity = sheet.percent("equity_share", current.equityShare, decimals: 0, source: "finance_engine.portfolio")
        let targetEquity = sheet.percent("target_equity_share", target.equityShare, decimals: 0, source: "finance_engine.target_allocation")
        var points = [
            ReplyBrief.Point(
                "Your investments are worth \(value), \(equity) in stocks; for a \(tolerance.rawValue) investor your age, about \(targetEquity) is a typical target.",
                "You have \(value) invested with \(equity) in stocks, against a \(targetEquity) target for your age and \(tolerance.rawValue) risk tolerance.")
        ]
        let drift = portfolio.drift(from: target)
        if drift.needsRebalancing(), let largest = drift.largest {
            let shown = sheet.percent(
                "largest_drift_\(largest.assetClass.rawValue)", Double(abs(largest.basisPoints)) / 10_000, decimals: 0,
                source: "finance_engine.allocation_drift")
            let direction = largest.basisPoints > 0 ? "over" : "under"
            points.append(
                ReplyBrief.Point(
                    "The biggest gap: \(label(largest.assetClass.rawValue)) is \(shown) \(direction) target, so a rebalance is worth considering."))
        }
        return Finding(points: points, sheet: sheet)
    }

    static func fees(_ person: PersonFinances) -> Finding {
        let portfolio = portfolioOf(person)
        guard portfolio.totalValueCents > 0 else { return .empty }
        var sheet = FactSheet(currency: person.currency)
        let ratio = sheet.percent(
            "weighted_expense_ratio", portfolio.weightedExpenseRatioBps / 10_000, decimals: 2, source: "finance_engine.portfolio")
        let drags = portfolio.feeDrag(annualReturn: RecommendationRules.expectedInvestmentReturn)
        let shown = drags.map { drag in
            "\(sheet.money("fee_drag_\(drag.years)y", drag.dragCents, source: "finance_engine.fee_drag")) over \(drag.years) years"
        }
        guard !shown.isEmpty else { return .empty }
        return Finding(
            points: [
                ReplyBrief.Point(
                    "Your funds charge \(ratio) a year, weighted by value. Left alone, that costs you \(shown.joined(separator: ", ")).",
                    "At a weighted expense ratio of \(ratio), fees take \(shown.joined(separator: ", ")) from your growth.")
            ], sheet: sheet)
    }

    static func retirement(_ person: PersonFinances) -> Finding {
        let invested = person.context.accounts.filter { investmentTypes.contains($0.type) }.reduce(0) { $0 + $1.balanceCents }
        let age = person.age ?? 40
        let years = max(65 - age, 1)
        let annualSpending = person.monthlySpendingCents * 12
        let goalTarget = person.context.goals.first { $0.type == "retirement" && $0.status == "active" }?.targetAmountCents
        let target = goalTarget ?? annualSpending * 25
        let allocation = portfolioOf(person).allocation ?? Portfolio.targetAllocation(for: riskTolerance(person), age: age)
        let inputs = MonteCarloInputs(
            startBalanceCents: invested, monthlyContributionCents: person.monthlySurplusCents / 2, years: years,
            allocation: allocation, targetCents: target > 0 ? target : nil, seed: StableHash.of(person.context.userID))
        guard let result = try? MonteCarlo.project(inputs), let final = result.final else { return .empty }
        var sheet = FactSheet(currency: person.currency)
        let contribution = sheet.money("retirement_monthly_contribution", inputs.monthlyContributionCents, source: "finance_engine.monte_carlo")
        let median = sheet.money("retirement_p50", final.p50Cents, source: "finance_engine.monte_carlo")
        let low = sheet.money("retirement_p10", final.p10Cents, source: "finance_engine.monte_carlo")
        let high = sheet.money("retirement_p90", final.p90Cents, source: "finance_engine.monte_carlo")
        let yearsShown = sheet.quantity("years_to_retirement", Double(years), unit: "years", source: "finance_engine.monte_carlo")
        let paths = sheet.quantity("monte_carlo_paths", Double(result.paths), unit: "paths", source: "finance_engine.monte_carlo")
        var text = "Investing \(contribution) a month for \(yearsShown) years, the middle outcome across \(paths) simulated markets is \(median) in today's dollars (\(low) in a weak market, \(high) in a strong one)."
        if let probability = result.probabilityOfSuccess, target > 0 {
            let shownTarget = sheet.money("retirement_target", target, source: goalTarget == nil ? "finance_engine.rule_of_25" : "context.goals")
            let chance = sheet.percent("retirement_success_probability", probability, decimals: 0, source: "finance_engine.monte_carlo")
            text += " The chance of reaching \(shownTarget) is about \(chance)."
        }
        return Finding(points: [ReplyBrief.Point(phrasings: [text])], sheet: sheet)
    }
}
