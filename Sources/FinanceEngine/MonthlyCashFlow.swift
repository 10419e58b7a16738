/// Money in and out over one calendar month.
public struct MonthlyCashFlow: Hashable, Sendable {
    /// The first day of the month.
    public let month: CivilDate
    /// Money in (positive amounts), transfers excluded.
    public let incomeCents: Int64
    /// Money out, as a positive number, transfers excluded.
    public let spendingCents: Int64
    /// The part of ``spendingCents`` in essential categories.
    public let essentialSpendingCents: Int64
    /// Spending per category (keys in ``CategoryRules/normalize(_:)`` form), positive numbers.
    public let spendingByCategory: [String: Int64]

    /// Income minus spending.
    public var netCents: Int64 { incomeCents - spendingCents }

    /// The share of income not spent this month; `nil` without income.
    public var savingsRate: Double? {
        CashFlow.savingsRate(monthlyIncomeCents: incomeCents, monthlySpendingCents: spendingCents)
    }
}
