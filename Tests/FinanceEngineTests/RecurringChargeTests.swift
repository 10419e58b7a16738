import FinanceEngine
import Testing

@Suite("Recurring charges")
struct RecurringChargeTests {
    static func day(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: day)!
    }

    /// A charge of `cents` (positive) on `date`.
    static func charge(
        _ date: CivilDate, _ cents: Int64, _ merchant: String, _ category: String = "subscriptions"
    )
        -> LedgerEntry
    {
        LedgerEntry(date: date, amountCents: -cents, merchant: merchant, category: category)
    }

    @Test func aMonthlySubscriptionIsFoundAndAOneOffIsNot() throws {
        let entries =
            (1...6).map { Self.charge(Self.day(2025, $0, 15), 1_549, "NETFLIX.COM") }
            + [Self.charge(Self.day(2025, 3, 3), 89_900, "Best Buy", "electronics")]
        let found = RecurringChargeDetector().detect(entries)
        #expect(found.count == 1)
        let netflix = try #require(found.first)
        #expect(netflix.merchant == "NETFLIX.COM")
        #expect(netflix.cadence == .monthly)
        #expect(netflix.typicalAmountCents == 1_549)
        #expect(netflix.occurrences == 6)
        #expect(netflix.nextExpectedDate == Self.day(2025, 7, 15))
        #expect(netflix.annualizedCostCents == 18_588)
        #expect(!netflix.isLapsed(asOf: Self.day(2025, 7, 20)))
        #expect(netflix.isLapsed(asOf: Self.day(2025, 9, 1)))
    }

    @Test func billsThatVaryWithinTheToleranceStillCount() throws {
        // A utility bill on roughly the same day, $85–$97, with the merchant's reference number changing.
        let amounts: [Int64] = [8_512, 9_240, 8_875, 9_705, 8_990]
        let entries = amounts.enumerated().map { index, cents in
            Self.charge(
                Self.day(2025, index + 1, [3, 5, 2, 6, 4][index]), cents, "CITY POWER #\(1000 + index)", "utilities")
        }
        let bill = try #require(RecurringChargeDetector().detect(entries).first)
        #expect(bill.cadence == .monthly)
        #expect(bill.typicalAmountCents == 8_990)
        #expect(bill.occurrences == 5)
    }

    @Test func amountsOutsideTheToleranceAreNotOneCharge() {
        let entries = [
            Self.charge(Self.day(2025, 1, 10), 2_000, "Gym"), Self.charge(Self.day(2025, 2, 10), 5_000, "Gym"),
            Self.charge(Self.day(2025, 3, 10), 9_000, "Gym"),
        ]
        #expect(RecurringChargeDetector().detect(entries).isEmpty)
        #expect(RecurringChargeDetector(amountTolerance: 5).detect(entries).count == 1)
    }

    @Test func twoMonthlyChargesAreNotEnoughButTwoAnnualOnesAre() throws {
        let monthly = [
            Self.charge(Self.day(2025, 1, 1), 999, "Music"), Self.charge(Self.day(2025, 2, 1), 999, "Music"),
        ]
        #expect(RecurringChargeDetector().detect(monthly).isEmpty)
        let annual = [
            Self.charge(Self.day(2023, 6, 1), 13_900, "Prime"), Self.charge(Self.day(2024, 6, 3), 13_900, "Prime"),
        ]
        let prime = try #require(RecurringChargeDetector().detect(annual).first)
        #expect(prime.cadence == .annual)
        #expect(prime.nextExpectedDate == Self.day(2025, 6, 3))
        #expect(prime.annualizedCostCents == 13_900)
    }

    @Test func weeklyAndBiweeklyCadences() throws {
        let start = Self.day(2025, 1, 6)
        let weekly = (0..<5).map { Self.charge(start.adding(days: 7 * $0), 1_200, "Meal Kit") }
        let biweekly = (0..<4).map { Self.charge(start.adding(days: 14 * $0), 6_000, "Cleaner") }
        let found = RecurringChargeDetector().detect(weekly + biweekly)
        #expect(found.map(\.cadence) == [.biweekly, .weekly])
        #expect(found.map(\.annualizedCostCents) == [156_000, 62_400])
        #expect(found.last?.nextExpectedDate == start.adding(days: 35))
    }

    @Test func irregularTimingIsNotRecurring() {
        let entries = [3, 20, 28, 70].map { Self.charge(Self.day(2025, 1, 1).adding(days: $0), 1_500, "Cafe") }
        #expect(RecurringChargeDetector().detect(entries).isEmpty)
    }

    @Test func aSubscriptionAmongOtherPurchasesAtTheSameMerchant() throws {
        let subscription = (1...4).map { Self.charge(Self.day(2025, $0, 8), 1_499, "Amazon") }
        let purchases = [
            Self.charge(Self.day(2025, 1, 20), 4_523, "Amazon", "shopping"),
            Self.charge(Self.day(2025, 3, 2), 12_999, "Amazon", "shopping"),
        ]
        let found = RecurringChargeDetector().detect(subscription + purchases)
        #expect(found.count == 1)
        #expect(found.first?.typicalAmountCents == 1_499)
    }

    @Test func incomeIsNeverARecurringCharge() {
        let pay = (1...6).map {
            LedgerEntry(date: Self.day(2025, $0, 1), amountCents: 500_000, merchant: "Payroll", category: "income")
        }
        #expect(RecurringChargeDetector().detect(pay).isEmpty)
    }
}
