import FinanceEngine
import PlutusWire

/// The candidate recommendations, each a rule over the person's finances with its impact
/// computed by the finance engine. The agent keeps those that apply and ranks them.
struct RecommendationRules {
    let person: PersonFinances
    var sheet: FactSheet

    /// A return a diversified long-term portfolio might expect; the yardstick for debt against investing.
    static let expectedInvestmentReturn = 0.06
    /// A yield cash in a high-yield savings account might earn.
    static let cashYield = 0.04

    /// A recommendation and where it ranks: tier first (safety, then costly debt, then growth), impact next.
    struct Candidate {
        let tier: Int
        let recommendation: Recommendation
    }

    init(person: PersonFinances) {
        self.person = person
        sheet = FactSheet(currency: person.currency)
    }

    /// A candidate whose impact is in the person's currency.
    private func candidate(
        tier: Int, id: String, title: String, rationale: String, category: String, impactCents: Int64, horizonMonths: Int
    ) -> Candidate {
        Candidate(
            tier: tier,
            recommendation: Recommendation(
                id: id, title: title, rationale: rationale, category: category, impactAmountCents: impactCents,
                impactUnit: person.currency, horizonMonths: Int32(horizonMonths)))
    }

    mutating func all() -> [Candidate] {
        [emergencyFund(), highInterestDebt(), fundFees(), savingsRate(), idleCash()].compactMap { $0 }
    }

    mutating func emergencyFund() -> Candidate? {
        let target = person.monthlyEssentialCents * 3
        guard person.monthlyEssentialCents > 0, person.liquidCents < target else { return nil }
        let gap = target - person.liquidCents
        // Half the monthly surplus toward it; with no surplus there is no date to give (0).
        let monthly = person.monthlySurplusCents / 2
        let months = monthly > 0 ? Int(min((gap + monthly - 1) / monthly, 120)) : 0
        let shownGap = sheet.money("emergency_fund_gap", gap, source: "finance_engine.emergency_fund")
        let shownTarget = sheet.money("emergency_fund_target", target, source: "finance_engine.emergency_fund")
        return candidate(
            tier: person.liquidCents < person.monthlyEssentialCents ? 0 : 1, id: "rec-emergency-fund", title: "Build your emergency fund to three months of essentials",
            rationale: "You're \(shownGap) short of \(shownTarget), a cushion that keeps a surprise bill off a credit card.",
            category: "emergency_fund", impactCents: gap, horizonMonths: months)
    }

    mutating func highInterestDebt() -> Candidate? {
        let costly = person.debts.filter { Double($0.aprBps) / 10_000 > Self.expectedInvestmentReturn }
        guard !costly.isEmpty else { return nil }
        let extra = FinancialAnalyses.extraForDebts(person)
        let minimumsOnly = DebtPayoff.plan(debts: costly, strategy: .avalanche, start: person.today)
        let withExtra = DebtPayoff.plan(debts: costly, extraMonthlyCents: extra, strategy: .avalanche, start: person.today)
        let saved = max(0, minimumsOnly.totalInterestCents - withExtra.totalInterestCents)
        guard saved > 0, let months = withExtra.monthsToDebtFree else { return nil }
        let shownExtra = sheet.money("debt_extra_payment", extra, source: "finance_engine.debt_payoff")
        let shownSaved = sheet.money("debt_interest_saved", saved, source: "finance_engine.debt_payoff")
        return candidate(
            tier: 2, id: "rec-high-interest-debt", title: "Pay down high-interest debt, highest rate first",
            rationale: "An extra \(shownExtra) a month, rate first, saves \(shownSaved) in interest.",
            category: "debt", impactCents: saved, horizonMonths: months)
    }

    mutating func fundFees() -> Candidate? {
        // The same holdings and expense ratio the financial agent quotes.
        let portfolio = FinancialAnalyses.portfolioOf(person)
        let ratio = portfolio.weightedExpenseRatioBps / 10_000
        guard portfolio.totalValueCents > 0, ratio > 0.0025 else { return nil }
        // What today's funds cost over 20 years beyond what broad index funds (0.05%) would.
        let drag = { (expenseRatio: Double) in
            FeeDrag(
                startCents: portfolio.totalValueCents, annualReturn: Self.expectedInvestmentReturn,
                expenseRatioBps: expenseRatio * 10_000, years: 20
            ).dragCents
        }
        let saved = drag(ratio) - drag(0.0005)
        let shownRatio = sheet.percent("weighted_expense_ratio", ratio, decimals: 2, source: "finance_engine.portfolio")
        let shownDrag = sheet.money("fee_savings_20y", saved, source: "finance_engine.fee_drag")
        return candidate(
            tier: 3, id: "rec-fund-fees", title: "Move toward low-cost, broadly diversified index funds",
            rationale: "Your funds charge \(shownRatio) a year on average; at low-cost fund fees you'd keep about \(shownDrag) more over 20 years.",
            category: "investing", impactCents: saved, horizonMonths: 240)
    }

    mutating func savingsRate() -> Candidate? {
        guard person.monthlyIncomeCents > 0,
            let rate = FinanceEngine.CashFlow.savingsRate(
                monthlyIncomeCents: person.monthlyIncomeCents, monthlySpendingCents: person.monthlySpendingCents),
            rate < 0.15
        else { return nil }
        let extra = max(25_00, person.monthlyIncomeCents / 20 / 100 * 100)
        let grown = Cents.fromDollars(
            TimeValue.fv(rate: Self.expectedInvestmentReturn / 12, nper: 120, pmt: -Cents.toDollars(extra), pv: 0))
        let shownExtra = sheet.money("savings_increase_monthly", extra, source: "finance_engine.savings_rate")
        let shownGrown = sheet.money("savings_increase_10y", grown, source: "finance_engine.time_value")
        return candidate(
            tier: 3, id: "rec-savings-rate", title: "Automate a bigger monthly transfer to savings",
            rationale: "Saving \(shownExtra) more a month could grow to about \(shownGrown) in 10 years.",
            category: "saving", impactCents: grown, horizonMonths: 120)
    }

    mutating func idleCash() -> Candidate? {
        let cushion = person.monthlyEssentialCents * 6
        let excess = person.liquidCents - cushion
        guard person.monthlyEssentialCents > 0, excess > 5_000_00 else { return nil }
        let dollars = Cents.toDollars(excess)
        let invested = TimeValue.fv(rate: Self.expectedInvestmentReturn, nper: 10, pmt: 0, pv: -dollars)
        let saved = TimeValue.fv(rate: Self.cashYield, nper: 10, pmt: 0, pv: -dollars)
        let gain = Cents.fromDollars(invested - saved)
        let shownExcess = sheet.money("cash_above_cushion", excess, source: "finance_engine.emergency_fund")
        let shownGain = sheet.money("idle_cash_opportunity_10y", gain, source: "finance_engine.time_value")
        return candidate(
            tier: 3, id: "rec-idle-cash", title: "Put cash beyond your six-month cushion to work",
            rationale: "About \(shownExcess) sits above a six-month cushion; invested for the long term it could be worth roughly \(shownGain) more in 10 years than in savings.",
            category: "investing", impactCents: gain, horizonMonths: 120)
    }
}
