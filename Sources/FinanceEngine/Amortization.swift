internal import Foundation

/// Level-payment loan schedules (mortgages, car loans, personal loans), the way a lender keeps them.
public enum Amortization {
    /// The longest schedule: 100 years of monthly payments.
    public static let maximumMonths = 1_200
    /// The largest principal: $10 trillion, far from where cents in an `Int64` could overflow.
    static let maximumPrincipalCents: Int64 = 1_000_000_000_000_000

    /// The schedule for `principalCents` borrowed at `annualRate` (0.065 for 6.5 %, compounded
    /// monthly: rate / 12 a month) repaid over `months` months.
    ///
    /// The payment is `npf.pmt(annualRate / 12, months, principal)` rounded to the cent. Each month
    /// the interest is the balance × the monthly rate, rounded to the cent (half away from zero),
    /// and the rest of the payment repays principal. Rounding the payment leaves a few cents over
    /// or under, so the last payment is whatever clears the balance to exactly 0 (it comes early
    /// only if a rounded-up payment clears it sooner).
    /// - Returns: an empty schedule when there is nothing to repay, no months to repay it in, or
    ///   inputs out of range: over ``maximumMonths`` months, over $10 trillion, or a rate that is
    ///   negative, not finite or above 1,000 % a year.
    public static func schedule(principalCents: Int64, annualRate: Double, months: Int) -> AmortizationSchedule {
        guard principalCents > 0, principalCents <= maximumPrincipalCents, (1...maximumMonths).contains(months),
            annualRate >= 0, annualRate <= 10
        else {
            return AmortizationSchedule(principalCents: max(principalCents, 0), paymentCents: 0, rows: [])
        }
        let monthlyRate = annualRate / 12
        // At least a cent, so a tiny loan over many months still moves.
        let payment = max(
            Cents.fromDollars(levelPayment(principalCents: principalCents, monthlyRate: monthlyRate, months: months)), 1
        )
        let rows = amortize(
            principalCents: principalCents, monthlyRate: monthlyRate, paymentCents: payment, months: months)
        return AmortizationSchedule(principalCents: principalCents, paymentCents: payment, rows: rows)
    }

    /// The schedule for a rate in basis points (`aprBps` 650 = 6.50 % a year).
    public static func schedule(principalCents: Int64, aprBps: Int, months: Int) -> AmortizationSchedule {
        schedule(principalCents: principalCents, annualRate: Double(aprBps) / 10_000, months: months)
    }

    /// `-npf.pmt(rate, months, principal)` in dollars; where (1 + rate)^months overflows, the same
    /// payment as P·r / (1 − (1 + r)^−n), which does not.
    private static func levelPayment(principalCents: Int64, monthlyRate: Double, months: Int) -> Double {
        let principal = Cents.toDollars(principalCents)
        let payment = -TimeValue.pmt(rate: monthlyRate, nper: Double(months), pv: principal)
        if payment.isFinite { return payment }
        return principal * monthlyRate / (1 - pow(1 + monthlyRate, -Double(months)))
    }

    /// The monthly interest on `balanceCents` at `monthlyRate`, rounded to the cent.
    static func interest(onCents balanceCents: Int64, monthlyRate: Double) -> Int64 {
        Cents.rounding(Double(balanceCents) * monthlyRate)
    }

    private static func amortize(
        principalCents: Int64, monthlyRate: Double, paymentCents: Int64, months: Int
    ) -> [AmortizationSchedule.Row] {
        var rows: [AmortizationSchedule.Row] = []
        rows.reserveCapacity(months)
        var balance = principalCents
        for month in 1...months where balance > 0 {
            let interest = interest(onCents: balance, monthlyRate: monthlyRate)
            let isLast = month == months || balance + interest <= paymentCents
            let payment = isLast ? balance + interest : paymentCents
            balance -= payment - interest
            rows.append(
                .init(
                    month: month, paymentCents: payment, interestCents: interest, principalCents: payment - interest,
                    remainingBalanceCents: balance))
        }
        return rows
    }
}
