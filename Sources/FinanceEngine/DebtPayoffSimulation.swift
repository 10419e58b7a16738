/// The month-by-month state of a payoff plan: balances, and what each debt has cost so far.
///
/// Each month every open debt accrues a month's interest (balance × APR / 12, rounded to the
/// cent), then gets its minimum (or its whole balance, if smaller), and whatever is left of the
/// budget goes to the open debts in the strategy's order. The budget never shrinks, so a cleared
/// debt's minimum rolls on to the next target.
struct DebtPayoffSimulation {
    enum Progress {
        case paying
        case paidOff
        /// No balance fell this month. With the same payments and no smaller interest next month,
        /// none ever will (the proof: nothing was cleared, so next month's split is the same).
        case stalled
        /// A balance grew past what an `Int64` of cents can safely hold.
        case overflowing
    }

    /// Balances beyond this ($10 trillion) mean the plan has run away; stop before `Int64` overflows.
    private static let balanceCeilingCents: Int64 = 1_000_000_000_000_000

    let debts: [Debt]
    let budgetCents: Int64
    private(set) var balances: [Int64]
    private(set) var interestCents: [Int64]
    private(set) var paidCents: [Int64]
    private(set) var payoffMonths: [Int?]
    private(set) var month = 0

    init(orderedDebts: [Debt], extraMonthlyCents: Int64) {
        debts = orderedDebts
        balances = orderedDebts.map { max($0.balanceCents, 0) }
        budgetCents = orderedDebts.filter { $0.balanceCents > 0 }.reduce(Self.sane(extraMonthlyCents)) {
            $0 + Self.sane($1.minimumPaymentCents)
        }
        interestCents = Array(repeating: 0, count: orderedDebts.count)
        paidCents = Array(repeating: 0, count: orderedDebts.count)
        payoffMonths = balances.map { $0 == 0 ? 0 : nil }
    }

    var isDebtFree: Bool { balances.allSatisfy { $0 == 0 } }

    /// Simulates one more month.
    mutating func advance() -> Progress {
        month += 1
        let before = balances
        guard accrueInterest() else { return .overflowing }
        var remaining = budgetCents
        for index in balances.indices {
            pay(min(Self.sane(debts[index].minimumPaymentCents), remaining), to: index, from: &remaining)
        }
        for index in balances.indices { pay(remaining, to: index, from: &remaining) }
        if isDebtFree { return .paidOff }
        return zip(before, balances).contains { $1 < $0 } ? .paying : .stalled
    }

    /// Adds a month's interest to every open balance; `false` when one runs past the ceiling.
    private mutating func accrueInterest() -> Bool {
        for index in balances.indices where balances[index] > 0 {
            let interest = Amortization.interest(onCents: balances[index], monthlyRate: debts[index].monthlyRate)
            guard interest < Self.balanceCeilingCents - balances[index] else { return false }
            balances[index] += interest
            interestCents[index] += interest
        }
        return true
    }

    /// A payment between 0 and the ceiling, so sums of them cannot overflow.
    private static func sane(_ cents: Int64) -> Int64 { min(max(cents, 0), balanceCeilingCents) }

    private mutating func pay(_ offer: Int64, to index: Int, from remaining: inout Int64) {
        let payment = min(offer, balances[index])
        guard payment > 0 else { return }
        balances[index] -= payment
        paidCents[index] += payment
        remaining -= payment
        if balances[index] == 0 { payoffMonths[index] = month }
    }
}
