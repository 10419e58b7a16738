import Coach
import FinanceEngine
import PlutusCluster
import PlutusWire
import RPCCore
import RPCTransport
import Testing

/// Each agent over RPC (in process), with the offline engine, on a hand-built context.
@Suite struct AgentTests {
    let agents = Person.agents()

    private func ask(_ agent: ServiceKind, _ request: AgentRequest) async throws -> AgentResult {
        try await agents.unary(agent.agentRunMethod, request, as: AgentResult.self)
    }

    /// Every figure in the reply is one of its facts, and the reply keeps every rule.
    private func expectCompliant(_ result: AgentResult, givesAdvice: Bool = false) {
        let violations = ComplianceReview.review(
            result.reply, facts: result.facts, givesAdvice: givesAdvice, names: Person.names + result.goals.map(\.title))
        #expect(violations.isEmpty, "\(violations) in: \(result.reply)")
    }

    @Test func theConversationAgentRoutesAndAnswersSmallTalk() async throws {
        let cases: [(String, Route)] = [
            ("what's my net worth", .analyzeFinances),
            ("I want to save $20,000 for a wedding by June 2028", .discussGoals),
            ("should I pay off my loans or invest", .getAdvice),
            ("thanks, bye", .end),
        ]
        for (message, route) in cases {
            let result = try await ask(.conversationAgent, Person.request(message))
            #expect(result.route == route, "\(message)")
            #expect(result.degraded && result.model == "offline")
        }
        let hello = try await ask(.conversationAgent, Person.request("hello there"))
        #expect(hello.route == .end)
        #expect(hello.intent == "greeting")
        #expect(hello.reply.contains("Avery"))
        #expect(hello.facts.isEmpty)
        expectCompliant(hello)
    }

    @Test func theFinancialAgentAnswersWithTheEnginesFigures() async throws {
        let result = try await ask(.financialAgent, Person.request("what's my net worth", route: .analyzeFinances))
        #expect(result.route == .analyzeFinances)
        #expect(result.reply.contains("$15,300"), "\(result.reply)")
        #expect(result.facts.contains(Fact(name: "net_worth", value: "15,300", unit: "USD", source: "context_engine.net_worth")))
        expectCompliant(result)

        let debts = try await ask(.financialAgent, Person.request("when will I be debt free?", route: .analyzeFinances))
        #expect(debts.facts.first { $0.name == "total_debt" }?.value == "22,200")
        let monthsFact = try #require(debts.facts.first { $0.name == "months_to_debt_free" })
        let months = try #require(Int(monthsFact.value))
        let freeDate = CivilDate(year: 2026, month: 11, day: 25)!.adding(months: months)
        #expect(debts.facts.first { $0.name == "debt_free_date" }?.value == freeDate.description)
        #expect(months > 0 && months < 120)
        expectCompliant(debts)
    }

    @Test func theGoalAgentProposesThenSavesOnConfirmation() async throws {
        let proposal = try await ask(
            .goalAgent, Person.request("I want to save $20,000 for a wedding by June 2028", route: .discussGoals))
        let goal = try #require(proposal.goals.first)
        #expect(goal.type == "wedding")
        #expect(goal.targetAmountCents == 20_000_00)
        #expect(goal.targetDate.hasPrefix("2028-06"))
        #expect(goal.status == "proposed")
        #expect(proposal.missingFields.isEmpty)
        let months = CivilDate(year: 2026, month: 11, day: 25)!.months(until: CivilDate(iso: goal.targetDate)!)
        let needed = GoalFeasibility.requiredMonthlyContributionCents(
            targetCents: 20_000_00, currentCents: 0, annualReturn: 0.04, months: months)!
        #expect(proposal.facts.contains { $0.name == "goal_1_monthly_contribution" && $0.value == MoneyFormat.plain(needed) })
        #expect(proposal.reply.contains(MoneyFormat.dollars(needed)))
        expectCompliant(proposal)

        let saved = try await ask(.goalAgent, Person.request("yes, please save it", route: .discussGoals, pending: proposal.goals))
        #expect(saved.goals.map(\.status) == ["active"])
        #expect(saved.goals.first?.id == goal.id)
        #expect(!saved.handoff)
        expectCompliant(saved)

        let declined = try await ask(.goalAgent, Person.request("no thanks", route: .discussGoals, pending: proposal.goals))
        #expect(declined.goals.isEmpty)
        #expect(!declined.handoff)

        let elsewhere = try await ask(.goalAgent, Person.request("what's my net worth?", route: .discussGoals, pending: proposal.goals))
        #expect(elsewhere.handoff)
    }

    @Test func theGoalAgentAsksOneQuestionWhenTheAmountIsMissing() async throws {
        let asked = try await ask(.goalAgent, Person.request("I'd like to buy a house in five years", route: .discussGoals))
        let goal = try #require(asked.goals.first)
        #expect(goal.type == "home_purchase")
        #expect(goal.targetAmountCents == nil)
        #expect(asked.missingFields == ["target_amount"])
        #expect(asked.reply.filter { $0 == "?" }.count == 1, "\(asked.reply)")

        let answered = try await ask(.goalAgent, Person.request("about $60k", route: .discussGoals, pending: asked.goals))
        #expect(answered.goals.first?.targetAmountCents == 60_000_00)
        #expect(answered.goals.first?.status == "proposed")
        #expect(answered.missingFields.isEmpty)
        expectCompliant(answered)
    }

    @Test func recommendationsAreRankedQuantifiedAndCarryTheDisclaimer() async throws {
        let result = try await ask(.recommendationAgent, Person.request("should I pay off my loans or invest", route: .getAdvice))
        #expect(!result.recommendations.isEmpty)
        #expect(result.recommendations.map(\.priority) == Array(1...Int32(result.recommendations.count)))
        #expect(result.recommendations.allSatisfy { $0.impactAmountCents > 0 && $0.horizonMonths > 0 })
        #expect(result.recommendations.contains { $0.category == "debt" })
        #expect(result.reply.contains(ComplianceReview.disclaimer))
        #expect(result.reply.contains("22.99%"), "the card's rate answers the question: \(result.reply)")
        expectCompliant(result, givesAdvice: true)
    }

    @Test func badRequestsAreRefusedClearly() async throws {
        var empty = Person.request("   ")
        empty.route = .analyzeFinances
        for agent in [ServiceKind.conversationAgent, .financialAgent, .goalAgent, .recommendationAgent] {
            let error = await #expect(throws: RPCError.self) { try await ask(agent, empty) }
            #expect(error?.code == .invalidArgument)
        }
        var badDate = Person.request("what's my net worth")
        badDate.today = "25/11/2026"
        let dateError = await #expect(throws: RPCError.self) { try await ask(.financialAgent, badDate) }
        #expect(dateError?.code == .invalidArgument)
        var noContext = Person.request("what's my net worth")
        noContext.context = nil
        let contextError = await #expect(throws: RPCError.self) { try await ask(.financialAgent, noContext) }
        #expect(contextError?.code == .invalidArgument)
    }

    @Test func repliesAreDeterministicPerConversationAndMessage() async throws {
        let first = try await ask(.financialAgent, Person.request("how am I doing?"))
        let second = try await ask(.financialAgent, Person.request("how am I doing?"))
        #expect(first.reply == second.reply)
        #expect(first.facts == second.facts)
        expectCompliant(first)
    }
}
