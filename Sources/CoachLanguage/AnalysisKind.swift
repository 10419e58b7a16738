/// An analysis the financial agent can run, in the order replies present them.
public enum AnalysisKind: String, Hashable, Sendable, CaseIterable, Comparable {
    /// Assets minus liabilities.
    case netWorth = "net_worth"
    /// Income, spending and the savings rate.
    case cashFlow = "cash_flow"
    /// Spending by category, month over month.
    case spending
    /// Debts, their rates and a payoff plan.
    case debtPayoff = "debt_payoff"
    /// Months of expenses the cash covers.
    case emergencyFund = "emergency_fund"
    /// Allocation and drift from the target.
    case portfolio
    /// Expense ratios and what fees cost over time.
    case fees
    /// A retirement projection.
    case retirement
    /// How far along each goal is.
    case goalProgress = "goal_progress"
    /// Subscriptions and other recurring charges.
    case recurringCharges = "recurring_charges"
    /// Debt payments as a share of income.
    case debtToIncome = "debt_to_income"

    /// What a general question ("how am I doing?") gets: net worth, cash flow and the emergency fund.
    public static let defaultSet: [AnalysisKind] = [.netWorth, .cashFlow, .emergencyFund]

    public static func < (lhs: AnalysisKind, rhs: AnalysisKind) -> Bool {
        order[lhs, default: 0] < order[rhs, default: 0]
    }

    private static let order = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}
