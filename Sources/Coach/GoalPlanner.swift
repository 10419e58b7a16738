import FinanceEngine
import Foundation
import PlutusWire

/// A proposed goal made concrete: the wire goal, and the feasibility points and facts the goal
/// agent says about it.
struct GoalPlan: Sendable {
    var goal: Goal
    var points: [ReplyBrief.Point]
    var facts: [Fact]
    /// What the person still has to say: `target_amount`, `target_date`.
    var missingFields: [String]
}

/// Judges a goal with the finance engine: the monthly amount its date needs at a return that
/// suits its horizon, set against what the person has left each month.
enum GoalPlanner {
    static func plan(_ goal: Goal, monthlyContributionCents: Int64? = nil, person: PersonFinances?, today: CivilDate) -> GoalPlan {
        var missing: [String] = []
        if goal.targetAmountCents == nil { missing.append("target_amount") }
        if goal.targetDate.isEmpty { missing.append("target_date") }
        guard missing.isEmpty, let target = goal.targetAmountCents, let date = CivilDate(iso: goal.targetDate) else {
            return GoalPlan(goal: goal, points: [], facts: [], missingFields: missing)
        }
        var sheet = FactSheet(currency: person?.currency ?? "USD")
        let months = max(today.months(until: date), 1)
        let annualReturn = FinancialAnalyses.expectedReturn(months: months)
        let shownTarget = sheet.money("goal_target_amount", target, source: "goal_agent.extracted")
        let shownDate = sheet.date("goal_target_date", date, source: "goal_agent.extracted")
        let shownMonths = sheet.quantity("goal_months", Double(months), unit: "months", source: "finance_engine.goal_feasibility")
        let shownReturn = sheet.percent("goal_expected_return", annualReturn, source: "finance_engine.assumptions")
        let needed = GoalFeasibility.requiredMonthlyContributionCents(
            targetCents: target, currentCents: goal.currentAmountCents, annualReturn: annualReturn, months: months) ?? 0
        let shownNeeded = sheet.money("goal_monthly_contribution", needed, source: "finance_engine.goal_feasibility")
        var points = [
            ReplyBrief.Point(
                "\(goal.title) — \(shownTarget) by \(shownDate) — takes \(shownNeeded) a month for \(shownMonths) months, assuming a \(shownReturn) yearly return on the savings.",
                "To have \(shownTarget) by \(shownDate) for this one (\(goal.title)), set aside \(shownNeeded) a month for the next \(shownMonths) months, at a \(shownReturn) return.")
        ]
        if let person, person.monthlySurplusCents > 0 {
            let surplus = sheet.money("monthly_surplus", person.monthlySurplusCents, source: "finance_engine.cash_flow")
            let share = sheet.percent(
                "goal_share_of_surplus", Double(needed) / Double(person.monthlySurplusCents), decimals: 0,
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
            let shownContribution = sheet.money("goal_planned_contribution", contribution, source: "goal_agent.extracted")
            let reached = sheet.month("goal_projected_date", today.adding(months: reach), source: "finance_engine.goal_feasibility")
            points.append(ReplyBrief.Point("At the \(shownContribution) a month you mentioned, you'd get there around \(reached)."))
        }
        return GoalPlan(goal: goal, points: points, facts: sheet.facts, missingFields: [])
    }

    /// The one question to ask when something is missing.
    static func question(for plan: GoalPlan) -> String? {
        switch plan.missingFields.first {
        case "target_amount": "What amount are you aiming for (\(plan.goal.title))?"
        case "target_date": "By when would you like to reach it (\(plan.goal.title))?"
        default: nil
        }
    }

    /// A fresh id for a goal heard in conversation.
    static func newGoalID() -> String { UUID().uuidString.lowercased() }
}
