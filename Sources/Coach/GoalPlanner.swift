import FinanceEngine
import Foundation
import PlutusWire

/// A proposed goal made concrete: the wire goal, and the feasibility points and facts the goal
/// agent says about it.
struct GoalPlan: Sendable {
    var goal: Goal
    var points: [ReplyBrief.Point]
    var sheet: FactSheet
    /// What the person still has to say: `target_amount`, `target_date`.
    var missingFields: [String]
}

/// Judges a goal with the finance engine: the monthly amount its date needs at a return that
/// suits its horizon, set against what the person has left each month.
enum GoalPlanner {
    /// Plans `goal`, the `number`th heard in the turn (its facts are named `goal_<number>_…`). A
    /// target date that is not at least a month ahead counts as missing: it is asked for again.
    static func plan(
        _ goal: Goal, number: Int = 1, monthlyContributionCents: Int64? = nil, person: PersonFinances?, today: CivilDate
    ) -> GoalPlan {
        var sheet = FactSheet(currency: person?.currency ?? "USD")
        var goal = goal
        var missing: [String] = []
        if goal.targetAmountCents == nil { missing.append("target_amount") }
        let date = CivilDate(iso: goal.targetDate).flatMap { today.months(until: $0) >= 1 ? $0 : nil }
        if date == nil {
            goal.targetDate = ""
            missing.append("target_date")
        }
        guard missing.isEmpty, let target = goal.targetAmountCents, let date else {
            return GoalPlan(goal: goal, points: [], sheet: sheet, missingFields: missing)
        }
        let key = "goal_\(number)"
        let months = today.months(until: date)
        let annualReturn = FinancialAnalyses.expectedReturn(months: months)
        let title = sheet.name(goal.title)
        let shownTarget = sheet.money("\(key)_target_amount", target, source: "goal_agent.extracted")
        let shownDate = sheet.date("\(key)_target_date", date, source: "goal_agent.extracted")
        let shownMonths = sheet.quantity("\(key)_months", Double(months), unit: "months", source: "finance_engine.goal_feasibility")
        let shownReturn = sheet.percent("\(key)_expected_return", annualReturn, source: "finance_engine.assumptions")
        let needed = GoalFeasibility.requiredMonthlyContributionCents(
            targetCents: target, currentCents: goal.currentAmountCents, annualReturn: annualReturn, months: months) ?? 0
        let shownNeeded = sheet.money("\(key)_monthly_contribution", needed, source: "finance_engine.goal_feasibility")
        var points = [
            ReplyBrief.Point(
                "\(title) — \(shownTarget) by \(shownDate) — takes \(shownNeeded) a month for \(shownMonths) months, assuming a \(shownReturn) yearly return on the savings.",
                "To have \(shownTarget) by \(shownDate) for this one (\(title)), set aside \(shownNeeded) a month for the next \(shownMonths) months, at a \(shownReturn) return.")
        ]
        if let person, person.monthlySurplusCents > 0 {
            let surplus = sheet.money("monthly_surplus", person.monthlySurplusCents, source: "finance_engine.cash_flow")
            let share = sheet.percent(
                "\(key)_share_of_surplus", Double(needed) / Double(person.monthlySurplusCents), decimals: 0,
                source: "finance_engine.goal_feasibility")
            points.append(
                needed <= person.monthlySurplusCents
                    ? ReplyBrief.Point(
                        "That's \(share) of the \(surplus) you have left over each month, so it fits.",
                        "It would use \(share) of your monthly surplus of \(surplus) — doable.")
                    : ReplyBrief.Point(
                        "That's more than the \(surplus) you have left over each month (\(share) of it), so the date or the amount may need to move.",
                        "It needs \(share) of your \(surplus) monthly surplus — a stretch; a later date would ease it."))
        }
        if let contribution = monthlyContributionCents, contribution > 0,
            let reach = GoalFeasibility.monthsToReach(
                targetCents: target, currentCents: goal.currentAmountCents, monthlyContributionCents: contribution,
                annualReturn: annualReturn)
        {
            let shownContribution = sheet.money("\(key)_planned_contribution", contribution, source: "goal_agent.extracted")
            let reached = sheet.month(
                "\(key)_projected_date", today.adding(months: reach), source: "finance_engine.goal_feasibility")
            points.append(ReplyBrief.Point("At the \(shownContribution) a month you mentioned, you'd get there around \(reached)."))
        }
        return GoalPlan(goal: goal, points: points, sheet: sheet, missingFields: [])
    }

    /// The one question to ask when something is missing (the title is quoted: its digits, if
    /// any, are not figures).
    static func question(for plan: GoalPlan, _ sheet: inout FactSheet) -> String? {
        let title = sheet.name(plan.goal.title)
        return switch plan.missingFields.first {
        case "target_amount": "What amount are you aiming for (\(title))?"
        case "target_date": "By when would you like to reach it (\(title))?"
        default: nil
        }
    }

    /// A fresh id for a goal heard in conversation.
    static func newGoalID() -> String { UUID().uuidString.lowercased() }
}
