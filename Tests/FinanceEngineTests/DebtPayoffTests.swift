import FinanceEngine
import Foundation
import Testing

@Suite("Debt payoff")
struct DebtPayoffTests {
    let start = CivilDate(year: 2025, month: 1, day: 15)!

    @Test func aZeroRateDebtTakesBalanceOverPaymentMonths() throws {
        let debt = Debt(id: "card", name: "Card", balanceCents: 120_000, aprBps: 0, minimumPaymentCents: 10_000)
        let plan = DebtPayoff.plan(debts: [debt], strategy: .avalanche, start: start)
        #expect(plan.isPaidOff)
        #expect(plan.monthsToDebtFree == 12)
        #expect(plan.totalInterestCents == 0)
        #expect(plan.totalPaidCents == 120_000)
        #expect(plan.debtFreeDate == CivilDate(year: 2026, month: 1, day: 15))
        let result = try #require(plan.result(for: "card"))
        #expect(result.months == 12 && result.payoffDate == plan.debtFreeDate)
    }

    @Test func aPartialLastPaymentAddsAMonth() {
        let debt = Debt(id: "a", name: "A", balanceCents: 125_000, aprBps: 0, minimumPaymentCents: 10_000)
        let plan = DebtPayoff.plan(debts: [debt], extraMonthlyCents: 0, strategy: .snowball, start: start)
        #expect(plan.monthsToDebtFree == 13)
        #expect(plan.totalPaidCents == 125_000)
    }

    /// Worked by hand: A $300 at 12 % (1 % a month), B $200 at 0 %, $10 minimums, $100 extra.
    /// Avalanche clears A in month 3 ($3.00 + $1.93 + $0.85 interest) and B in month 5; snowball
    /// clears B in month 2 while A accrues $3.00 + $2.93 + $2.66 + $1.49 + $0.30.
    @Test func avalancheSavesInterestOverSnowball() throws {
        let debts = [
            Debt(id: "a", name: "Card A", balanceCents: 30_000, aprBps: 1_200, minimumPaymentCents: 1_000),
            Debt(id: "b", name: "Loan B", balanceCents: 20_000, aprBps: 0, minimumPaymentCents: 1_000),
        ]
        let comparison = DebtPayoff.compare(debts: debts, extraMonthlyCents: 10_000, start: start)
        let avalanche = comparison.avalanche
        let snowball = comparison.snowball
        #expect(avalanche.monthlyBudgetCents == 12_000)
        #expect(avalanche.debts.map(\.debtId) == ["a", "b"])
        #expect(snowball.debts.map(\.debtId) == ["b", "a"])
        #expect(avalanche.result(for: "a")?.months == 3 && avalanche.result(for: "b")?.months == 5)
        #expect(snowball.result(for: "b")?.months == 2 && snowball.result(for: "a")?.months == 5)
        #expect(avalanche.totalInterestCents == 578)
        #expect(snowball.totalInterestCents == 1_038)
        #expect(avalanche.totalPaidCents == 50_578)
        #expect(comparison.interestSavedCents == 460)
        #expect(comparison.monthsSaved == 0)
        #expect(comparison.cheaper.strategy == .avalanche)
        #expect(avalanche.result(for: "a")?.payoffDate == CivilDate(year: 2025, month: 4, day: 15))
    }

    @Test func avalancheNeverCostsMoreOnATypicalMix() throws {
        let debts = [
            Debt(id: "card", name: "Card", balanceCents: 650_000, aprBps: 2_499, minimumPaymentCents: 19_500),
            Debt(id: "car", name: "Car", balanceCents: 1_200_000, aprBps: 649, minimumPaymentCents: 32_000),
            Debt(id: "store", name: "Store card", balanceCents: 90_000, aprBps: 999, minimumPaymentCents: 3_500),
            Debt(
                id: "student", name: "Student loan", balanceCents: 2_100_000, aprBps: 450, minimumPaymentCents: 22_000),
        ]
        let comparison = DebtPayoff.compare(debts: debts, extraMonthlyCents: 30_000, start: start)
        let saved = try #require(comparison.interestSavedCents)
        #expect(saved > 0)
        #expect(try #require(comparison.monthsSaved) >= 0)
        for plan in [comparison.avalanche, comparison.snowball] {
            let principal = debts.reduce(0) { $0 + $1.balanceCents }
            #expect(plan.totalPaidCents == principal + plan.totalInterestCents)
            #expect(plan.debts.allSatisfy { $0.totalPaidCents == $0.startingBalanceCents + $0.interestPaidCents })
            #expect(plan.debts.compactMap(\.months).max() == plan.monthsToDebtFree)
        }
    }

    @Test func aMinimumBelowTheInterestIsReportedAsNeverPaidOff() throws {
        // $10,000 at 24 %: $200 of interest a month against a $150 payment.
        let debt = Debt(id: "card", name: "Card", balanceCents: 1_000_000, aprBps: 2_400, minimumPaymentCents: 15_000)
        let plan = DebtPayoff.plan(debts: [debt], strategy: .avalanche, start: start)
        #expect(!plan.isPaidOff)
        #expect(plan.monthsToDebtFree == nil && plan.debtFreeDate == nil)
        #expect(plan.monthsSimulated < DebtPayoff.maximumMonths)
        let result = try #require(plan.result(for: "card"))
        #expect(result.months == nil && result.payoffDate == nil)
        let comparison = DebtPayoff.compare(debts: [debt], start: start)
        #expect(comparison.interestSavedCents == nil && comparison.monthsSaved == nil)
    }

    @Test func paymentsEqualToTheInterestNeverFinish() {
        let debt = Debt(id: "flat", name: "Flat", balanceCents: 1_000_000, aprBps: 1_200, minimumPaymentCents: 10_000)
        let plan = DebtPayoff.plan(debts: [debt], strategy: .snowball, start: start)
        #expect(!plan.isPaidOff)
        #expect(plan.monthsSimulated == 1)
    }

    @Test func noPaymentAtAllNeverFinishes() {
        let debt = Debt(id: "x", name: "X", balanceCents: 50_000, aprBps: 0, minimumPaymentCents: 0)
        #expect(!DebtPayoff.plan(debts: [debt], strategy: .avalanche, start: start).isPaidOff)
    }

    /// The total owed grows for the first months (the budget is below the total interest) while
    /// the 30 % card shrinks; once it is gone the 12 % loan's interest is under the budget.
    @Test func aPlanThatFallsBehindAtFirstStillFinishes() throws {
        let debts = [
            Debt(id: "card", name: "Card", balanceCents: 100_000, aprBps: 3_000, minimumPaymentCents: 1_000),
            Debt(id: "loan", name: "Loan", balanceCents: 1_000_000, aprBps: 1_200, minimumPaymentCents: 5_000),
        ]
        let plan = DebtPayoff.plan(debts: debts, extraMonthlyCents: 6_000, strategy: .avalanche, start: start)
        #expect(plan.isPaidOff)
        let months = try #require(plan.monthsToDebtFree)
        #expect(months > 200 && months < DebtPayoff.maximumMonths)
        #expect(try #require(plan.result(for: "card")?.months) < 30)
    }

    @Test func aPlanLongerThanTheCapIsNotPaidOff() {
        // $100,000 at 6 % with $520 a month needs ~ 700 months.
        let debt = Debt(id: "long", name: "Long", balanceCents: 10_000_000, aprBps: 600, minimumPaymentCents: 52_000)
        let plan = DebtPayoff.plan(debts: [debt], strategy: .avalanche, start: start)
        #expect(!plan.isPaidOff)
        #expect(plan.monthsSimulated == DebtPayoff.maximumMonths)
    }

    @Test func aRunawayBalanceStopsBeforeOverflowing() {
        let debt = Debt(
            id: "payday", name: "Payday", balanceCents: 9_000_000_000_000_000, aprBps: 50_000, minimumPaymentCents: 1)
        let plan = DebtPayoff.plan(debts: [debt], strategy: .avalanche, start: start)
        #expect(!plan.isPaidOff)
    }

    @Test func absurdInputsNeitherCrashNorLoop() {
        let debts = [
            Debt(id: "a", name: "A", balanceCents: 100_000, aprBps: -5_000, minimumPaymentCents: .max),
            Debt(id: "b", name: "B", balanceCents: 100_000, aprBps: 100_000, minimumPaymentCents: .max),
            Debt(id: "c", name: "C", balanceCents: -100, aprBps: 1_000, minimumPaymentCents: -5),
        ]
        let plan = DebtPayoff.plan(debts: debts, extraMonthlyCents: .max, strategy: .avalanche, start: start)
        #expect(plan.isPaidOff)
        #expect(plan.result(for: "a")?.interestPaidCents == 0)  // a negative APR counts as 0
        #expect(plan.result(for: "c")?.months == 0)
        let runaway = Debt(id: "r", name: "R", balanceCents: 100_000, aprBps: .max, minimumPaymentCents: 100)
        #expect(!DebtPayoff.plan(debts: [runaway], strategy: .snowball, start: start).isPaidOff)
    }

    @Test func debtsWithNothingOwedArePaidAtMonthZero() {
        let debts = [
            Debt(id: "done", name: "Done", balanceCents: 0, aprBps: 1_999, minimumPaymentCents: 2_500),
            Debt(id: "left", name: "Left", balanceCents: 30_000, aprBps: 0, minimumPaymentCents: 10_000),
        ]
        let plan = DebtPayoff.plan(debts: debts, strategy: .avalanche, start: start)
        #expect(plan.result(for: "done")?.months == 0)
        #expect(plan.result(for: "done")?.payoffDate == start)
        // A paid-off debt's minimum is not part of the budget.
        #expect(plan.monthlyBudgetCents == 10_000)
        #expect(plan.monthsToDebtFree == 3)
        #expect(DebtPayoff.plan(debts: [], strategy: .snowball, start: start).monthsToDebtFree == 0)
    }

    /// One debt paid at its amortized payment ends when the schedule does (a month later when the
    /// schedule's rounded-down payment leaves a last one larger than the rest, which a fixed
    /// minimum cannot make), with the same interest, and in `ceil(npf.nper)` months.
    @Test(arguments: [
        (2_000_000 as Int64, 699, 60), (35_000_000, 650, 360), (500_000, 2_499, 24), (1_000_000, 0, 18),
        (1_000_000, 0, 7),
    ])
    func oneDebtMatchesItsAmortizationSchedule(balance: Int64, aprBps: Int, months: Int) throws {
        let schedule = Amortization.schedule(principalCents: balance, aprBps: aprBps, months: months)
        let debt = Debt(
            id: "loan", name: "Loan", balanceCents: balance, aprBps: aprBps, minimumPaymentCents: schedule.paymentCents)
        let plan = DebtPayoff.plan(debts: [debt], strategy: .avalanche, start: start)
        let extraMonth = schedule.finalPaymentCents > schedule.paymentCents ? 1 : 0
        #expect(plan.monthsToDebtFree == schedule.rows.count + extraMonth)
        #expect(plan.totalInterestCents == schedule.totalInterestCents)
        #expect(plan.totalPaidCents == schedule.totalPaidCents)
        let periods = try #require(
            TimeValue.nper(
                rate: Double(aprBps) / 120_000, pmt: -Cents.toDollars(schedule.paymentCents),
                pv: Cents.toDollars(balance)))
        #expect(plan.monthsToDebtFree == Int((periods - 1e-9).rounded(.up)))
    }

    @Test func strategyOrderBreaksTies() {
        let debts = [
            Debt(id: "1", name: "One", balanceCents: 5_000, aprBps: 1_000, minimumPaymentCents: 100),
            Debt(id: "2", name: "Two", balanceCents: 3_000, aprBps: 1_000, minimumPaymentCents: 100),
            Debt(id: "3", name: "Three", balanceCents: 3_000, aprBps: 2_000, minimumPaymentCents: 100),
        ]
        let avalanche = DebtPayoff.plan(debts: debts, strategy: .avalanche, start: start)
        let snowball = DebtPayoff.plan(debts: debts, strategy: .snowball, start: start)
        #expect(avalanche.debts.map(\.debtId) == ["3", "2", "1"])
        #expect(snowball.debts.map(\.debtId) == ["3", "2", "1"])
    }
}
