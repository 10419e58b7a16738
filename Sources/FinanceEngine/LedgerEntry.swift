/// One transaction, as the cash-flow functions read it.
public struct LedgerEntry: Hashable, Sendable {
    /// The day it posted.
    public let date: CivilDate
    /// Negative for money going out (a purchase, a bill), positive for money coming in (pay, a refund).
    public let amountCents: Int64
    /// Who was paid or who paid: "Netflix", "ACME Payroll".
    public let merchant: String
    /// The spending or income category: "groceries", "rent", "income". See ``CategoryRules``.
    public let category: String

    /// An entry as given.
    public init(date: CivilDate, amountCents: Int64, merchant: String, category: String) {
        self.date = date
        self.amountCents = amountCents
        self.merchant = merchant
        self.category = category
    }

    /// Whether money went out.
    public var isOutflow: Bool { amountCents < 0 }
}
