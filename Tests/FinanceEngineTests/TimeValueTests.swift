import FinanceEngine
import Foundation
import Testing

/// Properties of the time-value functions that hold whatever numpy-financial says.
@Suite("Time value of money")
struct TimeValueTests {
    @Test func paymentAndPeriodsAndRateRoundTrip() throws {
        for when in PaymentTiming.allCases {
            let payment = TimeValue.pmt(rate: 0.055 / 12, nper: 300, pv: 250_000, fv: -10_000, when: when)
            let periods = try #require(
                TimeValue.nper(rate: 0.055 / 12, pmt: payment, pv: 250_000, fv: -10_000, when: when))
            #expect(abs(periods - 300) < 1e-9)
            let rate = try #require(TimeValue.rate(nper: 300, pmt: payment, pv: 250_000, fv: -10_000, when: when))
            #expect(abs(rate - 0.055 / 12) < 1e-10)
            let future = TimeValue.fv(rate: 0.055 / 12, nper: 300, pmt: payment, pv: 250_000, when: when)
            #expect(abs(future - -10_000) < 1e-6)
            let present = TimeValue.pv(rate: 0.055 / 12, nper: 300, pmt: payment, fv: -10_000, when: when)
            #expect(abs(present - 250_000) < 1e-6)
        }
    }

    @Test func interestPlusPrincipalIsThePayment() {
        let payment = TimeValue.pmt(rate: 0.01, nper: 24, pv: 5_000)
        for period in 1...24 {
            let interest = TimeValue.ipmt(rate: 0.01, per: Double(period), nper: 24, pv: 5_000)
            let principal = TimeValue.ppmt(rate: 0.01, per: Double(period), nper: 24, pv: 5_000)
            #expect(abs(interest + principal - payment) < 1e-9)
        }
        #expect(TimeValue.ipmt(rate: 0.01, per: 1, nper: 24, pv: 5_000, when: .begin) == 0)
    }

    @Test func zeroRatesAreArithmetic() {
        #expect(TimeValue.fv(rate: 0, nper: 10, pmt: -100, pv: -1_000) == 2_000)
        #expect(TimeValue.pv(rate: 0, nper: 10, pmt: -100, fv: 0) == 1_000)
        #expect(TimeValue.pmt(rate: 0, nper: 10, pv: 1_000) == -100)
        #expect(TimeValue.nper(rate: 0, pmt: -100, pv: 1_000) == 10)
        #expect(TimeValue.nper(rate: 0, pmt: 0, pv: 1_000) == nil)
        #expect(TimeValue.npv(rate: 0, values: [-100, 60, 60]) == 20)
    }

    @Test func aPaymentBelowTheInterestHasNoPeriodCount() {
        #expect(TimeValue.nper(rate: 0.02, pmt: -10, pv: 1_000) == nil)
    }

    @Test func rateGivesUpWhenNewtonDoesNotConverge() {
        #expect(TimeValue.rate(nper: 12, pmt: 100, pv: 1_000, fv: 0) == nil)
        #expect(TimeValue.rate(nper: 12, pmt: -100, pv: 1_100, fv: 0, maxIterations: 1) == nil)
    }

    /// A 30-year monthly loan: a 361-term polynomial whose one root is the loan's monthly rate.
    @Test func irrOfALongLoanIsItsRate() throws {
        let rate = 0.0625 / 12
        let payment = -TimeValue.pmt(rate: rate, nper: 360, pv: 300_000)
        let irr = try #require(TimeValue.irr(values: [-300_000] + Array(repeating: payment, count: 360)))
        #expect(abs(irr - rate) < 1e-12)
    }

    @Test func irrZeroesTheNetPresentValue() throws {
        let flows: [Double] = [-12_000, 2_500, 3_100, -400, 4_800, 5_200, 1_000]
        let irr = try #require(TimeValue.irr(values: flows))
        #expect(abs(TimeValue.npv(rate: irr, values: flows)) < 1e-8)
    }

    /// [-100, 230, -132] solves at 10 % and 20 %, [-100, 225, -123.5] at -5 % and 30 %: like
    /// numpy-financial, the rate closest to zero wins.
    @Test func irrPicksTheRateClosestToZero() throws {
        let irr = try #require(TimeValue.irr(values: [-100, 230, -132]))
        #expect(abs(irr - 0.1) < 1e-12)
        let negative = try #require(TimeValue.irr(values: [-100, 225, -123.5]))
        #expect(abs(negative + 0.05) < 1e-12)
    }

    @Test func irrWithoutASignChangeHasNoAnswer() {
        #expect(TimeValue.irr(values: []) == nil)
        #expect(TimeValue.irr(values: [100]) == nil)
        #expect(TimeValue.irr(values: [0, 0, 0]) == nil)
        #expect(TimeValue.irr(values: [-1, -2, -3]) == nil)
        #expect(TimeValue.irr(values: [-100, 0, 0, 100]) == 0)
    }
}
