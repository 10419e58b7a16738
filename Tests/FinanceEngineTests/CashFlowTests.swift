import FinanceEngine
import Testing

@Suite("Cash flow")
struct CashFlowTests {
    static func day(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: day)!
    }

    /// Two months of a small household: pay, rent, groceries, dining, a transfer to savings.
    let ledger: [LedgerEntry] = [
        LedgerEntry(date: day(2025, 3, 1), amountCents: 500_000, merchant: "ACME Payroll", category: "income"),
        LedgerEntry(date: day(2025, 3, 2), amountCents: -180_000, merchant: "Landlord", category: "Rent"),
        LedgerEntry(date: day(2025, 3, 9), amountCents: -40_000, merchant: "Grocer", category: "groceries"),
        LedgerEntry(date: day(2025, 3, 20), amountCents: -20_000, merchant: "Bistro", category: "Dining"),
        LedgerEntry(date: day(2025, 3, 25), amountCents: -100_000, merchant: "Savings", category: "transfer"),
        LedgerEntry(date: day(2025, 4, 1), amountCents: 500_000, merchant: "ACME Payroll", category: "income"),
        LedgerEntry(date: day(2025, 4, 2), amountCents: -180_000, merchant: "Landlord", category: "rent"),
        LedgerEntry(date: day(2025, 4, 9), amountCents: -50_000, merchant: "Grocer", category: "Groceries"),
        LedgerEntry(date: day(2025, 4, 12), amountCents: -5_000, merchant: "Power Co", category: "utilities"),
    ]

    @Test func emergencyFundCoverageIsSavingsOverEssentials() {
        #expect(
            CashFlow.emergencyFundMonths(liquidSavingsCents: 1_200_000, monthlyEssentialSpendingCents: 300_000) == 4)
        #expect(CashFlow.emergencyFundMonths(liquidSavingsCents: 0, monthlyEssentialSpendingCents: 300_000) == 0)
        #expect(CashFlow.emergencyFundMonths(liquidSavingsCents: 100, monthlyEssentialSpendingCents: 0) == nil)
    }

    @Test func savingsRateNeedsIncome() {
        #expect(CashFlow.savingsRate(monthlyIncomeCents: 500_000, monthlySpendingCents: 400_000) == 0.2)
        #expect(CashFlow.savingsRate(monthlyIncomeCents: 100_000, monthlySpendingCents: 150_000) == -0.5)
        #expect(CashFlow.savingsRate(monthlyIncomeCents: 0, monthlySpendingCents: 150_000) == nil)
    }

    @Test func debtToIncomeIsPaymentsOverGrossIncome() {
        #expect(CashFlow.debtToIncome(monthlyDebtPaymentsCents: 180_000, monthlyGrossIncomeCents: 600_000) == 0.3)
        #expect(CashFlow.debtToIncome(monthlyDebtPaymentsCents: 0, monthlyGrossIncomeCents: 600_000) == 0)
        #expect(CashFlow.debtToIncome(monthlyDebtPaymentsCents: 100, monthlyGrossIncomeCents: 0) == nil)
    }

    @Test func monthsSumIncomeAndSpendingByCategoryWithoutTransfers() throws {
        let months = CashFlow.monthly(ledger)
        #expect(months.map(\.month) == [Self.day(2025, 3, 1), Self.day(2025, 4, 1)])
        let march = try #require(months.first)
        #expect(march.incomeCents == 500_000)
        #expect(march.spendingCents == 240_000)
        #expect(march.essentialSpendingCents == 220_000)
        #expect(march.spendingByCategory == ["rent": 180_000, "groceries": 40_000, "dining": 20_000])
        #expect(march.netCents == 260_000)
        #expect(march.savingsRate == 0.52)
    }

    @Test func monthOverMonthChangesCoverEveryCategoryInEitherMonth() {
        let changes = CashFlow.spendingChanges(ledger)
        #expect(changes.map(\.category) == ["dining", "groceries", "rent", "utilities"])
        let byCategory = Dictionary(uniqueKeysWithValues: changes.map { ($0.category, $0) })
        #expect(byCategory["groceries"]?.changeCents == 10_000)
        #expect(byCategory["groceries"]?.relativeChange == 0.25)
        #expect(byCategory["dining"]?.changeCents == -20_000 && byCategory["dining"]?.relativeChange == -1)
        #expect(byCategory["rent"]?.changeCents == 0 && byCategory["rent"]?.relativeChange == 0)
        #expect(byCategory["utilities"]?.previousCents == 0 && byCategory["utilities"]?.relativeChange == nil)
        #expect(changes.allSatisfy { $0.month == Self.day(2025, 4, 1) })
    }

    @Test func monthsWithoutEntriesAppearAsZeros() {
        let entries = [
            LedgerEntry(date: Self.day(2024, 12, 5), amountCents: -10_000, merchant: "Grocer", category: "groceries"),
            LedgerEntry(date: Self.day(2025, 2, 5), amountCents: -30_000, merchant: "Grocer", category: "groceries"),
        ]
        let months = CashFlow.monthly(entries)
        #expect(months.map(\.spendingCents) == [10_000, 0, 30_000])
        #expect(months.map(\.month.month) == [12, 1, 2])
        #expect(CashFlow.averageMonthlyEssentialSpendingCents(entries) == 13_333)
        #expect(CashFlow.monthly([]).isEmpty)
        #expect(CashFlow.averageMonthlyEssentialSpendingCents([]) == 0)
    }

    @Test func essentialCategoriesAreConfigurableAndNormalized() {
        #expect(CategoryRules.standard.isEssential("Debt Payments"))
        #expect(CategoryRules.standard.isEssential("CHILDCARE"))
        #expect(!CategoryRules.standard.isEssential("dining"))
        let rules = CategoryRules(essential: ["Dining Out", "rent"])
        #expect(rules.isEssential("dining-out") && rules.isEssential("dining_out"))
        #expect(!rules.isEssential("groceries"))
        #expect(CategoryRules.normalize("  Home / Garden ") == "home_garden")
        let march = CashFlow.monthly(ledger, rules: rules).first
        #expect(march?.essentialSpendingCents == 180_000)
    }

    @Test func averageEssentialSpendingFeedsTheEmergencyFund() throws {
        let monthly = CashFlow.averageMonthlyEssentialSpendingCents(ledger)
        #expect(monthly == (220_000 + 235_000) / 2)
        let months = try #require(
            CashFlow.emergencyFundMonths(liquidSavingsCents: 910_000, monthlyEssentialSpendingCents: monthly))
        #expect(months == 4)
    }
}
