/// Debt payoff plans: the avalanche and snowball strategies simulated month by month.
public enum DebtPayoff {
    /// The longest plan simulated (50 years); one that needs longer is reported as never paid off.
    public static let maximumMonths = 600

    /// Simulates paying `debts` with every minimum plus `extraMonthlyCents` a month, the money
    /// beyond the minimums going to the debts in `strategy`'s order.
    ///
    /// Each month every open debt accrues balance × APR / 12 (rounded to the cent), receives its
    /// minimum, and the rest of the budget goes to the first open debt in the strategy's order
    /// (then the next, if that one is cleared). The budget stays the same all along, so a paid-off
    /// debt's minimum rolls on to the next. The first payment is one month after `start`.
    /// A plan whose payments cannot outrun the interest is reported as not paid off
    /// (``DebtPayoffPlan/isPaidOff`` is `false`) rather than simulated forever.
    public static func plan(
        debts: [Debt], extraMonthlyCents: Int64 = 0, strategy: DebtPayoffStrategy, start: CivilDate
    ) -> DebtPayoffPlan {
        var simulation = DebtPayoffSimulation(orderedDebts: strategy.order(debts), extraMonthlyCents: extraMonthlyCents)
        var isPaidOff = simulation.isDebtFree
        while !isPaidOff, simulation.month < maximumMonths {
            let progress = simulation.advance()
            if progress == .paidOff { isPaidOff = true }
            if progress == .stalled || progress == .overflowing { break }
        }
        return makePlan(simulation, strategy: strategy, start: start, isPaidOff: isPaidOff)
    }

    /// Both strategies for the same debts and budget, and what avalanche saves over snowball.
    public static func compare(debts: [Debt], extraMonthlyCents: Int64 = 0, start: CivilDate) -> DebtPayoffComparison {
        DebtPayoffComparison(
            avalanche: plan(debts: debts, extraMonthlyCents: extraMonthlyCents, strategy: .avalanche, start: start),
            snowball: plan(debts: debts, extraMonthlyCents: extraMonthlyCents, strategy: .snowball, start: start))
    }

    private static func makePlan(
        _ simulation: DebtPayoffSimulation, strategy: DebtPayoffStrategy, start: CivilDate, isPaidOff: Bool
    ) -> DebtPayoffPlan {
        let results = simulation.debts.indices.map { index in
            let debt = simulation.debts[index]
            let months = simulation.payoffMonths[index]
            return DebtPayoffPlan.DebtResult(
                debtId: debt.id, name: debt.name, startingBalanceCents: max(debt.balanceCents, 0), months: months,
                payoffDate: months.map { start.adding(months: $0) },
                interestPaidCents: simulation.interestCents[index], totalPaidCents: simulation.paidCents[index])
        }
        return DebtPayoffPlan(
            strategy: strategy, start: start, monthlyBudgetCents: simulation.budgetCents, debts: results,
            monthsSimulated: simulation.month, isPaidOff: isPaidOff)
    }
}
