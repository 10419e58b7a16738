import FinanceEngine
import PlutusWire

/// How the person's goals are tracking.
extension FinancialAnalyses {
    /// The return a goal's money can expect, by how far off it is: cash-like savings for goals
    /// within three years, a balanced mix within seven, a growth mix beyond.
    static func expectedReturn(months: Int) -> Double {
        months <= 36 ? 0.04 : months <= 84 ? 0.05 : 0.06
    }

    /// What the person can put toward each active goal a month: the surplus shared evenly.
    static func contributionPerGoal(_ person: PersonFinances, goals: Int) -> Int64 {
        goals > 0 ? person.monthlySurplusCents / Int64(goals) : 0
    }

    /// The finance engine's view of a goal from the context.
    static func assessment(of goal: Goal, _ person: PersonFinances, contribution: Int64) -> GoalAssessment? {
        guard let target = goal.targetAmountCents, target > 0 else { return nil }
        let date = CivilDate(iso: goal.targetDate)
        let months = date.map { person.today.months(until: $0) } ?? 60
        let savings = SavingsGoal(
            targetCents: target, currentCents: goal.currentAmountCents, monthlyContributionCents: contribution,
            annualReturn: expectedReturn(months: months), targetDate: date)
        return GoalFeasibility.assess(savings, asOf: person.today)
    }

    static func goalProgress(_ person: PersonFinances) -> Finding {
        let active = person.context.goals.filter { $0.status == "active" && ($0.targetAmountCents ?? 0) > 0 }
        guard !active.isEmpty else {
            return Finding(points: [ReplyBrief.Point("You haven't set any goals yet — tell me one and I'll work out the monthly amount it needs.")])
        }
        var sheet = FactSheet(currency: person.currency)
        let contribution = contributionPerGoal(person, goals: active.count)
        var lines: [String] = []
        let ranked = active.sorted { ($0.priority == 0 ? Int32.max : $0.priority) < ($1.priority == 0 ? Int32.max : $1.priority) }
        for (index, goal) in ranked.prefix(3).enumerated() {
            guard let assessment = assessment(of: goal, person, contribution: contribution) else { continue }
            let key = "goal_\(index + 1)"
            let target = sheet.money("\(key)_target", assessment.goal.targetCents, source: "context.goals")
            let saved = sheet.money("\(key)_saved", assessment.goal.currentCents, source: "context.goals")
            var line = "\(sheet.name(goal.title)): \(saved) of \(target)"
            switch assessment.status {
            case .achieved:
                line += " — reached."
            case .onTrack:
                line += " — on track."
            case .atRisk, .offTrack:
                if let needed = assessment.requiredMonthlyContributionCents {
                    let shown = sheet.money("\(key)_monthly_needed", needed, source: "finance_engine.goal_feasibility")
                    line += " — \(assessment.status == .atRisk ? "at risk" : "behind"); it needs \(shown) a month."
                } else {
                    line += " — behind."
                }
            }
            lines.append(line)
        }
        return Finding(
            points: [ReplyBrief.Point(phrasings: ["Your goals: " + lines.joined(separator: " ")])], sheet: sheet)
    }
}
