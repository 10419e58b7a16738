/// The month-by-month outcome of paying a set of debts with one strategy: what
/// ``DebtPayoff/plan(debts:extraMonthlyCents:strategy:start:)`` returns.
public struct DebtPayoffPlan: Hashable, Sendable {
    /// How one debt fares under the plan.
    public struct DebtResult: Hashable, Sendable {
        /// The debt's ``Debt/id``.
        public let debtId: String
        /// The debt's ``Debt/name``.
        public let name: String
        /// What was owed when the plan started.
        public let startingBalanceCents: Int64
        /// Months from the start to the payment that clears it (0 for a debt with nothing owed);
        /// `nil` when the plan never clears it.
        public let months: Int?
        /// The month of its last payment: `start` + ``months`` months.
        public let payoffDate: CivilDate?
        /// Interest charged over the months simulated.
        public let interestPaidCents: Int64
        /// Everything paid toward it over the months simulated.
        public let totalPaidCents: Int64
    }

    /// Which debt got the money beyond the minimums.
    public let strategy: DebtPayoffStrategy
    /// The day the plan starts; the first payment falls one month later.
    public let start: CivilDate
    /// Every monthly minimum plus the extra: what goes to the debts each month until the last is paid.
    public let monthlyBudgetCents: Int64
    /// One result per debt, in the order the strategy targets them.
    public let debts: [DebtResult]
    /// The months simulated: until debt-free, or until it was clear the plan never gets there.
    public let monthsSimulated: Int
    /// Whether every debt gets paid off. When not (the payments never outrun the interest, or it
    /// would take longer than ``DebtPayoff/maximumMonths``), the dates and months are `nil` and
    /// the totals cover only the months simulated.
    public let isPaidOff: Bool

    /// Months until the last debt is cleared; `nil` when that never happens.
    public var monthsToDebtFree: Int? { isPaidOff ? monthsSimulated : nil }
    /// The month of the last payment; `nil` when the plan never pays everything off.
    public var debtFreeDate: CivilDate? { monthsToDebtFree.map { start.adding(months: $0) } }
    /// Interest charged on all debts over the months simulated.
    public var totalInterestCents: Int64 { debts.reduce(0) { $0 + $1.interestPaidCents } }
    /// Everything paid over the months simulated.
    public var totalPaidCents: Int64 { debts.reduce(0) { $0 + $1.totalPaidCents } }

    /// The result for the debt with `id`, if it was in the plan.
    public func result(for id: String) -> DebtResult? { debts.first { $0.debtId == id } }
}
