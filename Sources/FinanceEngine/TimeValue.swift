internal import Foundation

/// Time value of money, mirroring numpy-financial 1.0 (`npf.fv`, `npf.pv`, …): the same
/// argument order, the same sign convention (money paid out is negative, money received
/// positive) and the same formulas, in `Double` dollars. Rates are per period.
///
/// Everything else in FinanceEngine is in integer cents; these raw functions are the one place
/// dollars are `Double`, so results can be compared with numpy-financial directly.
public enum TimeValue {
    /// The value after `nper` periods (`npf.fv`).
    ///
    /// `npf.fv(0.05/12, 120, -100, -100)` = 15692.93: saving $100 a month on top of $100 for ten
    /// years at 5 % a year leaves $15,692.93 to take out.
    public static func fv(rate: Double, nper: Double, pmt: Double, pv: Double, when: PaymentTiming = .end) -> Double {
        let growth = pow(1 + rate, nper)
        return -(pv * growth + pmt * annuityFactor(rate: rate, nper: nper, growth: growth, when: when))
    }

    /// The value today of `nper` payments of `pmt` and a final `fv` (`npf.pv`).
    public static func pv(rate: Double, nper: Double, pmt: Double, fv: Double = 0, when: PaymentTiming = .end) -> Double
    {
        let growth = pow(1 + rate, nper)
        return -(fv + pmt * annuityFactor(rate: rate, nper: nper, growth: growth, when: when)) / growth
    }

    /// The level payment per period that takes `pv` to `fv` in `nper` periods (`npf.pmt`).
    ///
    /// `npf.pmt(0.075/12, 180, 200_000)` = -1854.02: the monthly payment on a $200,000 loan.
    public static func pmt(rate: Double, nper: Double, pv: Double, fv: Double = 0, when: PaymentTiming = .end) -> Double
    {
        let growth = pow(1 + rate, nper)
        return -(fv + pv * growth) / annuityFactor(rate: rate, nper: nper, growth: growth, when: when)
    }

    /// The number of periods (fractional) for `pmt` to take `pv` to `fv` (`npf.nper`).
    ///
    /// - Returns: `nil` where numpy-financial gives NaN or ±∞: the payments never get there (a loan
    ///   payment at or below its interest), or no payment at a zero rate. At a zero rate this is
    ///   `-(fv + pv) / pmt`, the equation numpy-financial documents; its scalar zero-rate branch
    ///   computes `(pv - fv) / pmt` instead, a sign slip this function does not copy.
    public static func nper(
        rate: Double, pmt: Double, pv: Double, fv: Double = 0, when: PaymentTiming = .end
    ) -> Double? {
        let periods: Double
        if rate == 0 {
            periods = -(fv + pv) / pmt
        } else {
            let z = pmt * (1 + rate * when.factor) / rate
            periods = log((-fv + z) / (pv + z)) / log(1 + rate)
        }
        return periods.isFinite ? periods : nil
    }

    /// The net present value of `values`, the first at t = 0 and undiscounted (`npf.npv`).
    public static func npv(rate: Double, values: [Double]) -> Double {
        var total = 0.0
        for (period, value) in values.enumerated() {
            total += value / pow(1 + rate, Double(period))
        }
        return total
    }

    /// The interest part of the payment in period `per` (1-based) of a level-payment loan (`npf.ipmt`).
    public static func ipmt(
        rate: Double, per: Double, nper: Double, pv: Double, fv: Double = 0, when: PaymentTiming = .end
    ) -> Double {
        if when == .begin, per == 1 { return 0 }
        let payment = pmt(rate: rate, nper: nper, pv: pv, fv: fv, when: when)
        let interest = self.fv(rate: rate, nper: per - 1, pmt: payment, pv: pv, when: when) * rate
        return when == .begin ? interest / (1 + rate) : interest
    }

    /// The principal part of the payment in period `per` (1-based) (`npf.ppmt`): `pmt - ipmt`.
    public static func ppmt(
        rate: Double, per: Double, nper: Double, pv: Double, fv: Double = 0, when: PaymentTiming = .end
    ) -> Double {
        pmt(rate: rate, nper: nper, pv: pv, fv: fv, when: when)
            - ipmt(rate: rate, per: per, nper: nper, pv: pv, fv: fv, when: when)
    }

    /// What one payment per period grows to over `nper` periods: `nper` at a zero rate.
    static func annuityFactor(rate: Double, nper: Double, growth: Double, when: PaymentTiming) -> Double {
        rate == 0 ? nper : (1 + rate * when.factor) * (growth - 1) / rate
    }
}
