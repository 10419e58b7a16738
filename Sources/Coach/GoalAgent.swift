import CoachLanguage
import FinanceEngine
public import Logging
public import PlutusCluster
public import PlutusWire

/// Hears goals in the conversation: what, how much, by when, how important. It proposes each
/// goal with what it takes each month (status `proposed`), asks one question when the amount or
/// the date is missing, and on the person's answer saves (`active`), drops, or amends it. An
/// answer about something else is handed back to the conversation (`handoff`).
public struct GoalAgent: CoachAgent {
    public static let kind = ServiceKind.goalAgent
    private let provider: any LanguageProvider
    private let reader: TurnReader
    private let writer: ReplyWriter

    public init(provider: any LanguageProvider, logger: Logger = Logger(label: "plutus.agent.goal")) {
        self.provider = provider
        reader = TurnReader(provider: provider, logger: logger)
        writer = ReplyWriter(provider: provider, logger: logger)
    }

    public func run(_ request: AgentRequest) async throws -> AgentResult {
        let turn = try AgentTurn(request)
        if !request.pendingGoals.isEmpty {
            return try await answer(to: request.pendingGoals, turn)
        }
        let reading = try await reader.goals(turn.text)
        var result: AgentResult
        if reading.value.isEmpty {
            let brief = ReplyBrief(
                purpose: .goalQuestion, name: turn.name, language: turn.language,
                question: "What are you saving toward — a home, a trip, retirement, paying off a debt? Tell me the amount and when.",
                variation: turn.variation)
            result = await self.result(brief, goals: [])
        } else {
            let plans = reading.value.enumerated().map { index, mention in
                GoalPlanner.plan(
                    Self.goal(from: mention), number: index + 1, monthlyContributionCents: mention.monthlyContributionCents,
                    person: turn.person, today: turn.today)
            }
            result = await propose(plans, turn)
        }
        result.degraded = result.degraded || reading.degraded
        return result
    }

    /// Proposes `plans`: their points and facts, and either the one missing detail to ask for or
    /// the question whether to save them.
    private func propose(_ plans: [GoalPlan], _ turn: AgentTurn) async -> AgentResult {
        var sheet = FactSheet(currency: turn.person?.currency ?? "USD")
        for plan in plans { sheet.merge(plan.sheet) }
        let incomplete = plans.first { !$0.missingFields.isEmpty }
        let question =
            incomplete.flatMap { GoalPlanner.question(for: $0, &sheet) }
            ?? (plans.count > 1 ? "Shall I add these to your goals?" : "Shall I add it to your goals?")
        let brief = ReplyBrief(
            purpose: incomplete == nil ? .goalProposal : .goalQuestion, name: turn.name, language: turn.language,
            points: plans.flatMap(\.points), question: question, facts: sheet.facts, names: sheet.names,
            variation: turn.variation)
        var result = await result(brief, goals: plans.map(\.goal))
        result.missingFields = incomplete?.missingFields ?? []
        return result
    }

    /// The person's answer to goals proposed earlier: yes saves them (once nothing is missing),
    /// no drops them, a correction ("make it $25k", "2029 then") proposes them again amended, and
    /// anything else goes back to the conversation.
    private func answer(to pending: [Goal], _ turn: AgentTurn) async throws -> AgentResult {
        switch ConfirmationParser.reply(in: turn.request.message, today: turn.today) {
        case .confirm:
            guard pending.allSatisfy({ $0.targetAmountCents != nil && !$0.targetDate.isEmpty }) else {
                return await propose(plans(pending, turn), turn)
            }
            return await confirm(pending.map { Self.with($0, status: "active") }, turn)
        case .decline:
            let brief = ReplyBrief(
                purpose: .goalDeclined, name: turn.name, language: turn.language,
                question: "If you'd like to set it up differently later, just tell me.", variation: turn.variation)
            return await result(brief, goals: [])
        case .correction(let amount, let date):
            let amended = pending.map { Self.amend($0, amountCents: amount, date: date) }
            return await propose(plans(amended, turn), turn)
        case nil:
            var handoff = AgentResult(route: .discussGoals, degraded: provider.isOffline, model: provider.model)
            handoff.handoff = true
            return handoff
        }
    }

    /// The pending goals planned again, numbered in order.
    private func plans(_ goals: [Goal], _ turn: AgentTurn) -> [GoalPlan] {
        goals.enumerated().map { index, goal in
            GoalPlanner.plan(goal, number: index + 1, person: turn.person, today: turn.today)
        }
    }

    private func confirm(_ goals: [Goal], _ turn: AgentTurn) async -> AgentResult {
        var sheet = FactSheet(currency: turn.person?.currency ?? "USD")
        let lines = goals.enumerated().map { index, goal -> String in
            let key = "saved_goal_\(index + 1)"
            let amount = goal.targetAmountCents.map { sheet.money("\(key)_target_amount", $0, source: "goal_agent.confirmed") }
            let date = CivilDate(iso: goal.targetDate).map { sheet.month("\(key)_target_date", $0, source: "goal_agent.confirmed") }
            return "\(sheet.name(goal.title)) (\(amount ?? "") by \(date ?? ""))"
        }
        let brief = ReplyBrief(
            purpose: .goalSaved, name: turn.name, language: turn.language,
            points: [
                ReplyBrief.Point(
                    "I've added \(lines.joined(separator: " and ")) to your goals; I'll track your progress as your balances change.",
                    "\(lines.joined(separator: " and ")) is now on your plan, and I'll keep an eye on how it's tracking.")
            ], facts: sheet.facts, names: sheet.names, variation: turn.variation)
        return await result(brief, goals: goals)
    }

    private func result(_ brief: ReplyBrief, goals: [Goal]) async -> AgentResult {
        let written = await writer.write(brief)
        return AgentResult(
            route: .discussGoals, reply: written.reply, facts: brief.facts, goals: goals, degraded: written.degraded,
            model: provider.model)
    }

    /// The goal with the amount or date the person corrected.
    private static func amend(_ goal: Goal, amountCents: Int64?, date: CivilDate?) -> Goal {
        var goal = goal
        if let amountCents, amountCents > 0 { goal.targetAmountCents = amountCents }
        if let date { goal.targetDate = date.description }
        return goal
    }

    private static func with(_ goal: Goal, status: String) -> Goal {
        var goal = goal
        goal.status = status
        return goal
    }

    /// A mention as a proposed wire goal.
    static func goal(from mention: GoalMention) -> Goal {
        Goal(
            id: GoalPlanner.newGoalID(), type: mention.type.rawValue, title: mention.title,
            targetAmountCents: mention.targetCents, targetDate: mention.targetDate?.description ?? "",
            priority: Int32(mention.priority ?? 0), status: "proposed", source: "coach")
    }
}
