/// Cash-flow health: emergency-fund coverage, savings rate, debt-to-income, spending by month.
///
/// Ratios are fractions (0.2 = 20 %); format them with ``MoneyFormat/percent(fraction:fractionDigits:)``.
public enum CashFlow {
    /// How many months of essential spending liquid savings cover; `nil` without essential spending.
    public static func emergencyFundMonths(liquidSavingsCents: Int64, monthlyEssentialSpendingCents: Int64) -> Double? {
        guard monthlyEssentialSpendingCents > 0 else { return nil }
        return Double(max(liquidSavingsCents, 0)) / Double(monthlyEssentialSpendingCents)
    }

    /// The share of income not spent: (income − spending) ÷ income, negative when spending exceeds
    /// income; `nil` without income.
    public static func savingsRate(monthlyIncomeCents: Int64, monthlySpendingCents: Int64) -> Double? {
        guard monthlyIncomeCents > 0 else { return nil }
        return Double(monthlyIncomeCents - monthlySpendingCents) / Double(monthlyIncomeCents)
    }

    /// Monthly debt payments ÷ monthly gross income (lenders like it under 0.36); `nil` without income.
    public static func debtToIncome(monthlyDebtPaymentsCents: Int64, monthlyGrossIncomeCents: Int64) -> Double? {
        guard monthlyGrossIncomeCents > 0 else { return nil }
        return Double(max(monthlyDebtPaymentsCents, 0)) / Double(monthlyGrossIncomeCents)
    }

    /// Income and spending for each calendar month from the first entry's to the last's, months
    /// without entries included (as zeros), oldest first.
    public static func monthly(_ entries: [LedgerEntry], rules: CategoryRules = .standard) -> [MonthlyCashFlow] {
        guard let first = entries.map(\.date).min(), let last = entries.map(\.date).max() else { return [] }
        let byMonth = Dictionary(grouping: entries.filter { !rules.isExcluded($0.category) }) { $0.date.startOfMonth }
        let count = first.startOfMonth.months(until: last.startOfMonth) + 1
        return (0..<count).map { offset in
            let month = first.startOfMonth.adding(months: offset)
            return summarize(byMonth[month] ?? [], month: month, rules: rules)
        }
    }

    /// Month-over-month change per category: for each month after the first, every category
    /// spent on in that month or the one before, sorted by month, then category.
    public static func spendingChanges(
        _ entries: [LedgerEntry], rules: CategoryRules = .standard
    ) -> [CategorySpendingChange] {
        let months = monthly(entries, rules: rules)
        return zip(months, months.dropFirst()).flatMap { previous, current in
            Set(previous.spendingByCategory.keys).union(current.spendingByCategory.keys).sorted().map { category in
                CategorySpendingChange(
                    category: category, month: current.month, spentCents: current.spendingByCategory[category] ?? 0,
                    previousCents: previous.spendingByCategory[category] ?? 0)
            }
        }
    }

    /// Essential spending per month, averaged over the calendar months the entries span
    /// (partial first and last months count as whole ones, so pass whole months).
    public static func averageMonthlyEssentialSpendingCents(
        _ entries: [LedgerEntry], rules: CategoryRules = .standard
    ) -> Int64 {
        let months = monthly(entries, rules: rules)
        guard !months.isEmpty else { return 0 }
        let total = months.reduce(0) { $0 + $1.essentialSpendingCents }
        return Cents.rounding(Double(total) / Double(months.count))
    }

    private static func summarize(_ entries: [LedgerEntry], month: CivilDate, rules: CategoryRules) -> MonthlyCashFlow {
        var byCategory: [String: Int64] = [:]
        var income: Int64 = 0
        var essential: Int64 = 0
        for entry in entries {
            guard entry.isOutflow else {
                income += entry.amountCents
                continue
            }
            byCategory[CategoryRules.normalize(entry.category), default: 0] -= entry.amountCents
            if rules.isEssential(entry.category) { essential -= entry.amountCents }
        }
        let spending = byCategory.values.reduce(0, +)
        return MonthlyCashFlow(
            month: month, incomeCents: income, spendingCents: spending, essentialSpendingCents: essential,
            spendingByCategory: byCategory)
    }
}
