import FinanceEngine
import PlutusWire

/// A person's context in the finance engine's terms: debts, a ledger, liquid savings, monthly
/// income and spending. Where the context lacks a figure a lender would know (a loan's minimum
/// payment), it is estimated the way lenders usually set it.
struct PersonFinances: Sendable {
    let context: UserContext
    let today: CivilDate
    let debts: [Debt]
    let ledger: [LedgerEntry]
    /// Checking, savings and money-market balances.
    let liquidCents: Int64
    /// Income over the context's cash-flow window, per month (30 days).
    let monthlyIncomeCents: Int64
    /// Spending over the window, per month.
    let monthlySpendingCents: Int64
    /// Essential spending per month (housing, utilities, groceries, ...), from the ledger.
    let monthlyEssentialCents: Int64
    /// Gross income per month, from the profile's annual income.
    let grossMonthlyIncomeCents: Int64

    static let debtTypes: Set<String> = [
        "credit_card", "loan", "mortgage", "student_loan", "auto_loan", "personal_loan", "line_of_credit", "heloc",
    ]
    static let liquidTypes: Set<String> = ["checking", "savings", "money_market", "cash"]

    init(context: UserContext, today: CivilDate) {
        self.context = context
        self.today = today
        debts = context.accounts.filter { Self.debtTypes.contains($0.type) && $0.balanceCents > 0 }.map(Self.debt(from:))
        ledger = context.transactions.compactMap { transaction in
            CivilDate(iso: transaction.date).map {
                LedgerEntry(
                    date: $0, amountCents: transaction.amountCents, merchant: transaction.merchant,
                    category: transaction.category)
            }
        }
        liquidCents = context.accounts.filter { Self.liquidTypes.contains($0.type) }.reduce(0) { $0 + $1.balanceCents }
        let flow = context.cashFlow ?? PlutusWire.CashFlow()
        let days = Int64(max(flow.days, 1))
        monthlyIncomeCents = flow.incomeCents * 30 / days
        monthlySpendingCents = flow.spendingCents * 30 / days
        let essential = FinanceEngine.CashFlow.averageMonthlyEssentialSpendingCents(ledger)
        monthlyEssentialCents = essential > 0 ? essential : monthlySpendingCents * 6 / 10
        grossMonthlyIncomeCents = (context.profile?.annualIncomeCents ?? 0) / 12
    }

    /// The currency of the person's figures.
    var currency: String {
        guard let currency = context.profile?.currency, !currency.isEmpty else { return "USD" }
        return currency
    }

    /// What is left each month after spending (never negative).
    var monthlySurplusCents: Int64 { max(0, monthlyIncomeCents - monthlySpendingCents) }

    /// Whole years of age today, from the profile's birth date.
    var age: Int? {
        guard let birth = context.profile.flatMap({ CivilDate(iso: $0.birthDate) }) else { return nil }
        return birth.months(until: today) / 12
    }

    /// The sum of the debts' monthly minimums.
    var monthlyMinimumsCents: Int64 { debts.reduce(0) { $0 + $1.minimumPaymentCents } }

    /// A debt account as the finance engine takes it, with its minimum estimated: a card's is 1%
    /// of the balance plus a month's interest (at least $25); a loan's is the payment that
    /// retires it over a typical remaining term (mortgage 25 years, others 5).
    static func debt(from account: Account) -> Debt {
        let apr = Int(account.aprBps ?? 0)
        let monthlyRate = Double(apr) / 10_000 / 12
        let balance = account.balanceCents
        let minimum: Int64
        switch account.type {
        case "credit_card", "line_of_credit", "heloc":
            minimum = max(25_00, balance / 100 + Cents.rounding(Double(balance) * monthlyRate))
        default:
            let months = account.type == "mortgage" ? 300.0 : 60.0
            let payment = -TimeValue.pmt(rate: monthlyRate, nper: months, pv: Cents.toDollars(balance))
            minimum = Cents.fromDollarsRoundingUp(payment)
        }
        return Debt(
            id: account.id, name: account.name.isEmpty ? account.type : account.name, balanceCents: balance,
            aprBps: apr, minimumPaymentCents: min(balance, minimum))
    }
}
