import FinanceEngine
import Foundation
import Testing

@Suite("Amortization schedules")
struct AmortizationTests {
    /// Each schedule matches reference.py's lender schedule to the cent, row for row, and its
    /// payment is numpy-financial's `pmt` rounded to the cent.
    @Test func schedulesMatchTheReference() throws {
        let cases = try Reference.load().amortization
        #expect(cases.count >= 10)
        for c in cases {
            let schedule = Amortization.schedule(
                principalCents: c.principalCents, annualRate: c.annualRate, months: c.months)
            #expect(schedule.paymentCents == c.paymentCents, "payment for \(c.principalCents) at \(c.annualRate)")
            #expect(agreeToTheCent(Cents.toDollars(schedule.paymentCents), -c.npfPmt), "npf.pmt \(c.npfPmt)")
            let rows = schedule.rows.map {
                Reference.Schedule.Row(
                    month: $0.month, payment: $0.paymentCents, interest: $0.interestCents, principal: $0.principalCents,
                    balance: $0.remainingBalanceCents)
            }
            #expect(rows == c.rows, "rows for \(c.principalCents) at \(c.annualRate) over \(c.months)")
        }
    }

    /// The first month's split is numpy-financial's `ipmt`/`ppmt` to the cent; later rows drift
    /// from the unrounded ones by at most the rounding of the payment, carried forward.
    @Test func rowsTrackNumpyFinancialsSplit() throws {
        for c in try Reference.load().amortization {
            let schedule = Amortization.schedule(
                principalCents: c.principalCents, annualRate: c.annualRate, months: c.months)
            let first = try #require(schedule.rows.first)
            #expect(abs(Double(first.interestCents) + c.npfIpmt[0] * 100) <= 0.5 + 1e-6)
            #expect(abs(Double(schedule.paymentCents - first.interestCents) + c.npfPpmt[0] * 100) <= 1 + 1e-6)
            let npfInterest = -c.npfIpmt.reduce(0, +) * 100
            // Each month the payment's rounding and the interest's move the balance by ≤ 1 cent, and
            // that compounds to the end: at most Σ (1 + r)^k ≤ n (1 + r)^n cents.
            let bound = Double(c.months) * pow(1 + c.annualRate / 12, Double(c.months))
            #expect(
                abs(Double(schedule.totalInterestCents) - npfInterest) <= bound, "total interest \(c.principalCents)")
        }
    }

    @Test func balanceEndsAtExactlyZeroAndTotalsAddUp() {
        let schedule = Amortization.schedule(principalCents: 35_000_000, annualRate: 0.065, months: 360)
        #expect(schedule.rows.count == 360)
        #expect(schedule.rows.last?.remainingBalanceCents == 0)
        #expect(schedule.paymentCents == 221_224)  // npf.pmt(0.065/12, 360, 350000) = -2212.238…
        #expect(schedule.rows.reduce(0) { $0 + $1.principalCents } == 35_000_000)
        #expect(schedule.totalPaidCents == schedule.totalInterestCents + 35_000_000)
        #expect(schedule.rows.dropLast().allSatisfy { $0.paymentCents == schedule.paymentCents })
        for (previous, row) in zip(schedule.rows, schedule.rows.dropFirst()) {
            #expect(previous.remainingBalanceCents - row.principalCents == row.remainingBalanceCents)
            #expect(row.interestCents + row.principalCents == row.paymentCents)
        }
    }

    @Test func zeroRateSplitsPrincipalEvenlyAndTheLastPaymentTakesTheRemainder() {
        let schedule = Amortization.schedule(principalCents: 1_000_000, annualRate: 0, months: 7)
        #expect(schedule.paymentCents == 142_857)
        #expect(schedule.rows.count == 7)
        #expect(schedule.totalInterestCents == 0)
        #expect(schedule.finalPaymentCents == 1_000_000 - 6 * 142_857)
    }

    @Test func basisPointsAreTheSameRate() {
        #expect(
            Amortization.schedule(principalCents: 2_000_000, aprBps: 699, months: 48)
                == Amortization.schedule(principalCents: 2_000_000, annualRate: 0.0699, months: 48))
    }

    @Test func nothingToRepayGivesAnEmptySchedule() {
        #expect(Amortization.schedule(principalCents: 0, annualRate: 0.05, months: 12).rows.isEmpty)
        #expect(Amortization.schedule(principalCents: 100_000, annualRate: 0.05, months: 0).rows.isEmpty)
        #expect(Amortization.schedule(principalCents: -5, annualRate: 0.05, months: 12).totalPaidCents == 0)
    }

    @Test func inputsOutOfRangeGiveAnEmptySchedule() {
        #expect(Amortization.schedule(principalCents: .max, annualRate: 0.05, months: 12).rows.isEmpty)
        #expect(Amortization.schedule(principalCents: 100_000, annualRate: 0.05, months: 1_201).rows.isEmpty)
        #expect(Amortization.schedule(principalCents: 100_000, annualRate: .nan, months: 12).rows.isEmpty)
        #expect(Amortization.schedule(principalCents: 100_000, annualRate: -0.01, months: 12).rows.isEmpty)
        #expect(Amortization.schedule(principalCents: 100_000, annualRate: 1e9, months: 12).rows.isEmpty)
        #expect(Amortization.schedule(principalCents: 100_000, annualRate: 10, months: 1_200).rows.count == 1_200)
    }

    @Test func aTinyLoanOverManyMonthsStillPaysOff() {
        let schedule = Amortization.schedule(principalCents: 100, annualRate: 0, months: 360)
        #expect(schedule.paymentCents == 1)
        #expect(schedule.rows.count == 100)
        #expect(schedule.rows.last?.remainingBalanceCents == 0)
    }
}
