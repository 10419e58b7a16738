/// Which debt gets the money left after every minimum is paid.
public enum DebtPayoffStrategy: String, Hashable, Sendable, CaseIterable {
    /// Highest APR first (ties: smaller balance first): the least interest.
    case avalanche
    /// Smallest balance first (ties: higher APR first): the quickest first win.
    case snowball

    /// `debts` in the order this strategy pays them; the order is fixed when the plan starts.
    func order(_ debts: [Debt]) -> [Debt] {
        // The original position breaks the last ties, so the sort is stable.
        debts.enumerated().sorted { lhs, rhs in
            let (first, second) = (priority(lhs.element), priority(rhs.element))
            return (first.0, first.1, lhs.offset) < (second.0, second.1, rhs.offset)
        }.map(\.element)
    }

    /// A sort key: the smaller, the sooner the debt gets the extra money.
    private func priority(_ debt: Debt) -> (Int64, Int64) {
        switch self {
        case .avalanche: (-Int64(debt.aprBps), debt.balanceCents)
        case .snowball: (debt.balanceCents, -Int64(debt.aprBps))
        }
    }
}
