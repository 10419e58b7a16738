import FinanceEngine
import PlutusWire

/// Net worth, cash flow, the emergency fund and debt-to-income: the person's balance sheet and
/// monthly flow.
extension FinancialAnalyses {
    static func netWorth(_ person: PersonFinances) -> Finding {
        guard let worth = person.context.netWorth else { return .empty }
        var sheet = FactSheet(currency: person.currency)
        let net = sheet.money("net_worth", worth.netWorthCents, source: "context_engine.net_worth")
        let assets = sheet.money("total_assets", worth.assetsCents, source: "context_engine.net_worth.assets")
        let owed = sheet.money("total_liabilities", worth.liabilitiesCents, source: "context_engine.net_worth.liabilities")
        let point = worth.liabilitiesCents > 0
            ? ReplyBrief.Point(
                "Your net worth is \(net): \(assets) in assets against \(owed) owed.",
                "You're worth \(net) on paper — \(assets) of assets minus \(owed) of debt.",
                "Net worth: \(net). That's \(assets) you own less \(owed) you owe.")
            : ReplyBrief.Point(
                "Your net worth is \(net), all of it assets — you owe nothing.",
                "You're worth \(net), with no debt against it.")
        return Finding(points: [point], sheet: sheet)
    }

    static func cashFlow(_ person: PersonFinances) -> Finding {
        guard person.monthlyIncomeCents > 0 || person.monthlySpendingCents > 0 else { return .empty }
        var sheet = FactSheet(currency: person.currency)
        let income = sheet.money("monthly_income", person.monthlyIncomeCents, source: "finance_engine.cash_flow")
        let spending = sheet.money("monthly_spending", person.monthlySpendingCents, source: "finance_engine.cash_flow")
        guard
            let rate = FinanceEngine.CashFlow.savingsRate(
                monthlyIncomeCents: person.monthlyIncomeCents, monthlySpendingCents: person.monthlySpendingCents)
        else {
            return Finding(
                points: [ReplyBrief.Point("You've spent about \(spending) a month lately, with \(income) coming in.")],
                sheet: sheet)
        }
        let shownRate = sheet.percent("savings_rate", rate, source: "finance_engine.savings_rate")
        let mark = sheet.percent("savings_rate_guideline", 0.2, decimals: 0, source: "guideline.savings_rate")
        let verdict =
            rate >= 0.2
            ? "That's a strong savings rate."
            : rate >= 0.1 ? "That's a solid base; \(mark) is a good next mark."
            : rate > 0 ? "There's room to save more of it." : "You're spending more than you earn right now."
        let point = ReplyBrief.Point(
            "Over the last few months you've brought in about \(income) a month and spent \(spending), a savings rate of \(shownRate). \(verdict)",
            "Monthly, about \(income) comes in and \(spending) goes out — you keep \(shownRate) of what you earn. \(verdict)")
        return Finding(points: [point], sheet: sheet)
    }

    static func emergencyFund(_ person: PersonFinances) -> Finding {
        guard
            let months = FinanceEngine.CashFlow.emergencyFundMonths(
                liquidSavingsCents: person.liquidCents, monthlyEssentialSpendingCents: person.monthlyEssentialCents)
        else { return .empty }
        var sheet = FactSheet(currency: person.currency)
        let cash = sheet.money("liquid_savings", person.liquidCents, source: "finance_engine.emergency_fund")
        let essentials = sheet.money(
            "monthly_essential_spending", person.monthlyEssentialCents, source: "finance_engine.emergency_fund")
        let covered = sheet.quantity(
            "emergency_fund_months", months, unit: "months", decimals: 1, source: "finance_engine.emergency_fund")
        let verdict =
            months >= 6 ? "That's a full cushion." : months >= 3 ? "That's a reasonable cushion; six months is sturdier."
            : "I'd build that toward three months before taking on more risk."
        let point = ReplyBrief.Point(
            "Your \(cash) in cash would cover \(covered) months of essentials at \(essentials) a month. \(verdict)",
            "With \(cash) set aside and essentials of \(essentials) a month, you have \(covered) months of runway. \(verdict)")
        return Finding(points: [point], sheet: sheet)
    }

    static func debtToIncome(_ person: PersonFinances) -> Finding {
        guard
            let ratio = FinanceEngine.CashFlow.debtToIncome(
                monthlyDebtPaymentsCents: person.monthlyMinimumsCents,
                monthlyGrossIncomeCents: person.grossMonthlyIncomeCents)
        else { return .empty }
        var sheet = FactSheet(currency: person.currency)
        let payments = sheet.money("monthly_debt_payments", person.monthlyMinimumsCents, source: "finance_engine.debt_to_income")
        let shown = sheet.percent("debt_to_income", ratio, source: "finance_engine.debt_to_income")
        let guideline = sheet.percent("debt_to_income_guideline", 0.36, decimals: 0, source: "guideline.debt_to_income")
        let verdict =
            ratio <= 0.36
            ? "Lenders generally like to see \(guideline) or less, so you're in good shape."
            : "That's above the \(guideline) lenders prefer."
        return Finding(
            points: [ReplyBrief.Point("Your debt payments of about \(payments) a month are \(shown) of your gross income. \(verdict)")],
            sheet: sheet)
    }
}
