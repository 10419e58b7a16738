import Coach
import FinanceEngine
import PlutusCluster
import PlutusWire
import RPCCore
import RPCTransport
import Testing

/// What the agents do with less usual turns and contexts: several goals, a past date, another
/// currency, no surplus, digits in names, absurd amounts.
@Suite struct AgentEdgeCaseTests {
    let agents = Person.agents()

    private func ask(_ agent: ServiceKind, _ request: AgentRequest) async throws -> AgentResult {
        try await agents.unary(agent.agentRunMethod, request, as: AgentResult.self)
    }

    private func expectCompliant(_ result: AgentResult, givesAdvice: Bool = false, names: [String] = []) {
        let violations = ComplianceReview.review(
            result.reply, facts: result.facts, givesAdvice: givesAdvice, names: Person.names + names)
        #expect(violations.isEmpty, "\(violations) in: \(result.reply)")
    }

    @Test func twoGoalsInOneMessageKeepTheirOwnFacts() async throws {
        let result = try await ask(
            .goalAgent,
            Person.request("I want to save $10,000 for a trip to Japan by 2027 and $50,000 for a house by 2030", route: .discussGoals))
        #expect(result.goals.map(\.type).sorted() == ["home_purchase", "travel"])
        #expect(result.facts.contains { $0.name == "goal_1_monthly_contribution" })
        #expect(result.facts.contains { $0.name == "goal_2_monthly_contribution" })
        #expect(result.reply.contains("$10,000") && result.reply.contains("$50,000"))
        expectCompliant(result, names: result.goals.map(\.title))
    }

    @Test func aPastTargetDateIsAskedForAgain() async throws {
        let result = try await ask(.goalAgent, Person.request("I wanted $5,000 for a new car by March 2025", route: .discussGoals))
        let goal = try #require(result.goals.first)
        #expect(goal.targetDate.isEmpty)
        #expect(result.missingFields == ["target_date"])
    }

    @Test func digitsInAnAccountNameAreNotFigures() async throws {
        let result = try await ask(.financialAgent, Person.request("when will I be debt free?", route: .analyzeFinances))
        #expect(result.reply.contains("Visa 4432"), "\(result.reply)")
        #expect(ComplianceReview.review(result.reply, facts: result.facts, givesAdvice: false, names: ["Visa 4432"]).isEmpty)
    }

    @Test func anotherCurrencyIsShownByItsCode() async throws {
        var request = Person.request("what's my net worth", route: .analyzeFinances)
        request.context?.profile?.currency = "EUR"
        let result = try await ask(.financialAgent, request)
        #expect(result.reply.contains("15,300 EUR"), "\(result.reply)")
        #expect(!result.reply.contains("$"))
        #expect(result.facts.first { $0.name == "net_worth" }?.unit == "EUR")
        expectCompliant(result)
    }

    @Test func withNothingLeftOverEachMonthNoExtraPaymentIsAssumed() async throws {
        var request = Person.request("when will I be debt free?", route: .analyzeFinances)
        request.context?.cashFlow = CashFlow(days: 90, incomeCents: 9_000_00, spendingCents: 9_600_00, netCents: -600_00)
        let result = try await ask(.financialAgent, request)
        #expect(!result.facts.contains { $0.name == "extra_monthly_payment" })
        #expect(result.reply.contains("just the minimums"), "\(result.reply)")
        var adviceRequest = request
        adviceRequest.message = "what should I do?"
        adviceRequest.route = .getAdvice
        adviceRequest.context?.accounts[1].balanceCents = 0  // savings gone: the cushion falls short
        let advice = try await ask(.recommendationAgent, adviceRequest)
        #expect(advice.recommendations.allSatisfy { $0.impactAmountCents > 0 })
        let cushion = try #require(advice.recommendations.first { $0.category == "emergency_fund" })
        #expect(cushion.horizonMonths == 0, "with nothing left over each month there is no date to promise")
        expectCompliant(advice, givesAdvice: true)
    }

    @Test func absurdAmountsAreRefusedNotComputed() async throws {
        var request = Person.request("what's my net worth", route: .analyzeFinances)
        request.context?.cashFlow?.incomeCents = 400_000_000_000_000_000
        let error = await #expect(throws: RPCError.self) { try await ask(.financialAgent, request) }
        #expect(error?.code == .invalidArgument)
    }
}
