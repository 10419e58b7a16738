/// The avalanche and snowball plans side by side: what ``DebtPayoff/compare(debts:extraMonthlyCents:start:)`` returns.
public struct DebtPayoffComparison: Hashable, Sendable {
    /// Highest APR first.
    public let avalanche: DebtPayoffPlan
    /// Smallest balance first.
    public let snowball: DebtPayoffPlan

    /// Snowball's total interest minus avalanche's (≥ 0 in practice); `nil` unless both plans pay everything off.
    public var interestSavedCents: Int64? {
        guard avalanche.isPaidOff, snowball.isPaidOff else { return nil }
        return snowball.totalInterestCents - avalanche.totalInterestCents
    }

    /// Snowball's months to debt-free minus avalanche's; `nil` unless both plans pay everything off.
    public var monthsSaved: Int? {
        guard let avalancheMonths = avalanche.monthsToDebtFree, let snowballMonths = snowball.monthsToDebtFree else {
            return nil
        }
        return snowballMonths - avalancheMonths
    }

    /// The plan that costs less interest (avalanche on a tie); whichever finishes, if only one does.
    public var cheaper: DebtPayoffPlan {
        guard let saved = interestSavedCents else {
            return snowball.isPaidOff && !avalanche.isPaidOff ? snowball : avalanche
        }
        return saved >= 0 ? avalanche : snowball
    }
}
