import FinanceEngine
import Testing

/// Every time-value function against numpy-financial, case by case (see reference.py).
@Suite("Time value of money vs numpy-financial")
struct TimeValueReferenceTests {
    @Test func futureValue() throws {
        let cases = try Reference.load().fv
        #expect(cases.count >= 15)
        for c in cases {
            let actual = TimeValue.fv(rate: c.rate, nper: c.nper, pmt: c.pmt, pv: c.pv, when: c.when.timing)
            #expect(agreeToTheCent(actual, c.expected), "fv \(c): \(actual)")
        }
    }

    @Test func presentValue() throws {
        let cases = try Reference.load().pv
        #expect(cases.count >= 15)
        for c in cases {
            let actual = TimeValue.pv(rate: c.rate, nper: c.nper, pmt: c.pmt, fv: c.fv, when: c.when.timing)
            #expect(agreeToTheCent(actual, c.expected), "pv \(c): \(actual)")
        }
    }

    @Test func payment() throws {
        let cases = try Reference.load().pmt
        #expect(cases.count >= 15)
        for c in cases {
            let actual = TimeValue.pmt(rate: c.rate, nper: c.nper, pv: c.pv, fv: c.fv, when: c.when.timing)
            #expect(agreeToTheCent(actual, c.expected), "pmt \(c): \(actual)")
        }
    }

    @Test func numberOfPeriods() throws {
        let cases = try Reference.load().nper
        #expect(cases.count >= 15)
        #expect(cases.contains { $0.expected == nil }, "the reference includes payments that never get there")
        for c in cases {
            let actual = TimeValue.nper(rate: c.rate, pmt: c.pmt, pv: c.pv, fv: c.fv, when: c.when.timing)
            #expect(agreeClosely(actual, c.expected), "nper \(c): \(String(describing: actual))")
        }
    }

    @Test func rateByNewtonIteration() throws {
        let cases = try Reference.load().rate
        #expect(cases.count >= 15)
        #expect(cases.contains { $0.expected == nil }, "the reference includes cases that do not converge")
        for c in cases {
            let actual = TimeValue.rate(nper: c.nper, pmt: c.pmt, pv: c.pv, fv: c.fv, when: c.when.timing)
            #expect(agreeClosely(actual, c.expected), "rate \(c): \(String(describing: actual))")
        }
    }

    @Test func netPresentValue() throws {
        let cases = try Reference.load().npv
        #expect(cases.count >= 15)
        for c in cases {
            let actual = TimeValue.npv(rate: c.rate, values: c.values)
            #expect(agreeToTheCent(actual, c.expected), "npv \(c): \(actual)")
        }
    }

    @Test func internalRateOfReturn() throws {
        let cases = try Reference.load().irr
        #expect(cases.count >= 15)
        #expect(cases.contains { $0.expected == nil }, "the reference includes flows with no rate")
        for c in cases {
            let actual = TimeValue.irr(values: c.values)
            #expect(
                agreeClosely(actual, c.expected),
                "irr \(c.values): \(String(describing: actual)) vs \(String(describing: c.expected))")
        }
    }

    @Test func interestAndPrincipalParts() throws {
        let reference = try Reference.load()
        #expect(reference.ipmt.count >= 15 && reference.ppmt.count >= 15)
        for c in reference.ipmt {
            let actual = TimeValue.ipmt(rate: c.rate, per: c.per, nper: c.nper, pv: c.pv, fv: c.fv, when: c.when.timing)
            #expect(agreeToTheCent(actual, c.expected), "ipmt \(c): \(actual)")
        }
        for c in reference.ppmt {
            let actual = TimeValue.ppmt(rate: c.rate, per: c.per, nper: c.nper, pv: c.pv, fv: c.fv, when: c.when.timing)
            #expect(agreeToTheCent(actual, c.expected), "ppmt \(c): \(actual)")
        }
    }
}
