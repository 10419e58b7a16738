import FinanceEngine
import PlutusWire

/// Where the money goes: categories month over month, and charges that repeat.
extension FinancialAnalyses {
    static func spending(_ person: PersonFinances) -> Finding {
        let changes = FinanceEngine.CashFlow.spendingChanges(person.ledger)
        guard let month = changes.map(\.month).max() else { return .empty }
        let latest = changes.filter { $0.month == month }.sorted { $0.spentCents > $1.spentCents }
        guard !latest.isEmpty else { return .empty }
        var sheet = FactSheet(currency: person.currency)
        let monthName = FactSheet.monthNames[month.month - 1]
        let top = latest.prefix(3).map { change in
            "\(label(change.category)) \(sheet.money("spending_\(change.category)", change.spentCents, source: "finance_engine.spending_by_category"))"
        }
        var points = [
            ReplyBrief.Point(
                "In \(monthName) your biggest categories were \(top.joined(separator: ", ")).",
                "Your top spending in \(monthName): \(top.joined(separator: ", ")).")
        ]
        if let mover = latest.filter({ $0.relativeChange != nil }).max(by: { abs($0.changeCents) < abs($1.changeCents) }),
            let relative = mover.relativeChange, abs(relative) >= 0.1
        {
            let change = sheet.money("spending_change_\(mover.category)", abs(mover.changeCents), source: "finance_engine.spending_change")
            let percent = sheet.percent("spending_change_pct_\(mover.category)", abs(relative), decimals: 0, source: "finance_engine.spending_change")
            let direction = mover.changeCents > 0 ? "up" : "down"
            points.append(
                ReplyBrief.Point(
                    "\(label(mover.category).capitalizedFirst) was \(direction) \(change) (\(percent)) on the month before."))
        }
        return Finding(points: points, sheet: sheet)
    }

    static func recurringCharges(_ person: PersonFinances) -> Finding {
        let charges = RecurringChargeDetector().detect(person.ledger)
            .filter { !$0.isLapsed(asOf: person.today) && $0.category != "income" }
            .sorted { $0.annualizedCostCents > $1.annualizedCostCents }
        guard !charges.isEmpty else { return .empty }
        var sheet = FactSheet(currency: person.currency)
        let yearly = sheet.money(
            "recurring_charges_annual", charges.reduce(0) { $0 + $1.annualizedCostCents },
            source: "finance_engine.recurring_charges")
        let named = charges.prefix(3).enumerated().map { index, charge in
            let amount = sheet.money(
                "recurring_\(index + 1)_amount", charge.typicalAmountCents, source: "finance_engine.recurring_charges")
            return "\(sheet.name(charge.merchant)) (\(amount) \(charge.cadence.rawValue))"
        }
        return Finding(
            points: [
                ReplyBrief.Point(
                    "Your repeating charges come to \(yearly) a year; the largest are \(named.joined(separator: ", ")). Worth a look for any you no longer use.")
            ], sheet: sheet)
    }

    /// A category as people say it: "debt_payment" → "debt payments".
    static func label(_ category: String) -> String {
        switch category {
        case "debt_payment": "debt payments"
        default: category.replacingOccurrences(of: "_", with: " ")
        }
    }
}

extension String {
    /// The string with its first letter upper-cased.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
