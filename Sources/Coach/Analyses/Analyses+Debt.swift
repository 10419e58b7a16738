import FinanceEngine
import PlutusWire

/// Debt payoff: avalanche against snowball with an extra monthly amount the surplus can carry.
extension FinancialAnalyses {
    /// The extra a month toward debts: a quarter of the surplus, in whole $25 steps, at least $50;
    /// nothing when nothing is left over each month.
    static func extraForDebts(_ person: PersonFinances) -> Int64 {
        person.monthlySurplusCents > 0 ? max(50_00, person.monthlySurplusCents / 4 / 25_00 * 25_00) : 0
    }

    static func debtPayoff(_ person: PersonFinances) -> Finding {
        guard !person.debts.isEmpty else {
            return Finding(points: [ReplyBrief.Point("You don't carry any debt — nothing to pay off.")])
        }
        var sheet = FactSheet(currency: person.currency)
        let extraCents = extraForDebts(person)
        let comparison = DebtPayoff.compare(debts: person.debts, extraMonthlyCents: extraCents, start: person.today)
        let total = sheet.money(
            "total_debt", person.debts.reduce(0) { $0 + $1.balanceCents }, source: "finance_engine.debt_payoff")
        let paying =
            extraCents > 0
            ? "the minimums plus \(sheet.money("extra_monthly_payment", extraCents, source: "finance_engine.debt_payoff")) a month"
            : "just the minimums"
        let plan = comparison.avalanche
        guard let freeDate = plan.debtFreeDate, let months = plan.monthsToDebtFree else {
            return Finding(
                points: [
                    ReplyBrief.Point(
                        "Paying \(paying), your \(total) of debt doesn't shrink — the interest keeps pace. It needs a bigger monthly payment.")
                ], sheet: sheet)
        }
        let date = sheet.month("debt_free_date", freeDate, source: "finance_engine.debt_payoff.avalanche")
        let count = sheet.quantity("months_to_debt_free", Double(months), unit: "months", source: "finance_engine.debt_payoff.avalanche")
        let interest = sheet.money("total_interest_avalanche", plan.totalInterestCents, source: "finance_engine.debt_payoff.avalanche")
        var points = [
            ReplyBrief.Point(
                "You owe \(total) in all. Paying \(paying), highest rate first, you'd be debt-free by \(date) (\(count) months) and pay \(interest) in interest.",
                "Paying \(paying) toward your \(total) of debt — highest APR first — clears it in \(count) months, by \(date), with \(interest) of interest along the way.")
        ]
        if let first = plan.debts.first, let apr = person.debts.first(where: { $0.id == first.debtId })?.aprBps {
            let rate = sheet.percent("highest_apr", Double(apr) / 10_000, decimals: 2, source: "context.accounts.apr")
            points.append(ReplyBrief.Point("Start with the \(sheet.name(first.name)): at \(rate) it costs you the most."))
        }
        if let saved = comparison.interestSavedCents, saved > 0 {
            let shown = sheet.money("interest_saved_vs_snowball", saved, source: "finance_engine.debt_payoff.compare")
            points.append(
                ReplyBrief.Point(
                    "That order saves \(shown) in interest over paying the smallest balance first.",
                    "Going by rate rather than by balance saves you \(shown) of interest."))
        }
        return Finding(points: points, sheet: sheet)
    }
}
