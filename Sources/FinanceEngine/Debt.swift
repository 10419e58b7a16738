/// One debt to pay off: a credit card, a student loan, a car loan.
public struct Debt: Hashable, Sendable, Identifiable {
    /// The caller's identifier (an account id), carried through to the plan.
    public let id: String
    /// What the person calls it: "Chase Sapphire", "Car loan".
    public let name: String
    /// What is owed today.
    public let balanceCents: Int64
    /// The annual percentage rate in basis points: 2499 = 24.99 %. Interest accrues monthly at APR / 12.
    public let aprBps: Int
    /// The least the lender accepts each month.
    public let minimumPaymentCents: Int64

    /// A debt as given; the planner treats a negative balance, minimum or APR as 0.
    public init(id: String, name: String, balanceCents: Int64, aprBps: Int, minimumPaymentCents: Int64) {
        self.id = id
        self.name = name
        self.balanceCents = balanceCents
        self.aprBps = aprBps
        self.minimumPaymentCents = minimumPaymentCents
    }

    /// The monthly rate as a fraction: APR / 12 (a negative APR counts as 0).
    var monthlyRate: Double { Double(max(aprBps, 0)) / 10_000 / 12 }
}
