/// A loan's month-by-month repayment, in cents: what ``Amortization/schedule(principalCents:annualRate:months:)``
/// returns.
public struct AmortizationSchedule: Hashable, Sendable {
    /// One monthly payment: how much of it was interest, how much principal, and what is left.
    public struct Row: Hashable, Sendable {
        /// 1 for the first payment.
        public let month: Int
        /// What is paid this month.
        public let paymentCents: Int64
        /// The month's interest on the balance, rounded to the cent.
        public let interestCents: Int64
        /// The rest of the payment, which repays the loan.
        public let principalCents: Int64
        /// The balance after this payment; 0 after the last.
        public let remainingBalanceCents: Int64

        /// A row as given.
        public init(
            month: Int, paymentCents: Int64, interestCents: Int64, principalCents: Int64, remainingBalanceCents: Int64
        ) {
            self.month = month
            self.paymentCents = paymentCents
            self.interestCents = interestCents
            self.principalCents = principalCents
            self.remainingBalanceCents = remainingBalanceCents
        }
    }

    /// The amount borrowed.
    public let principalCents: Int64
    /// The regular monthly payment (`npf.pmt` rounded to the cent); the last row's may differ.
    public let paymentCents: Int64
    /// One row per payment, in order; empty for no loan.
    public let rows: [Row]

    /// The sum of every row's interest.
    public var totalInterestCents: Int64 { rows.reduce(0) { $0 + $1.interestCents } }
    /// Everything paid: principal plus interest.
    public var totalPaidCents: Int64 { rows.reduce(0) { $0 + $1.paymentCents } }
    /// The last payment, adjusted so the balance ends at exactly 0.
    public var finalPaymentCents: Int64 { rows.last?.paymentCents ?? 0 }
}
