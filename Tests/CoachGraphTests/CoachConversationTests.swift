import CoachGraph
import ContextEngine
import FinanceEngine
import Foundation
import PlutusTestSupport
import PlutusWire
import Postgres
import RPCTransport
import StateGraph
import Testing

/// The conversation, through the graph, over real RPC to real service processes, for a
/// seeded user, with the offline language engine.
@Suite struct CoachConversationTests {
    @Test(.timeLimit(.minutes(3))) func aSeededUsersConversation() async throws {
        try await CoachCluster.with { cluster in
            let runner = try cluster.runner()
            let conversation = try await cluster.conversations.start(userID: cluster.userID, title: "test")
            func say(_ message: String) async throws -> CoachTurnRunner.Turn {
                try await runner.reply(
                    to: message, conversationID: conversation.id, userID: cluster.userID, today: "2026-11-25")
            }
            let context = try await cluster.services.context.unary(
                ContextEngineRPC.getContext, GetContextRequest(userID: cluster.userID), as: UserContext.self)
            let netWorth = try #require(context.netWorth)

            // 1. Net worth: analysed, with the context's figure.
            let worth = try await say("what's my net worth")
            #expect(worth.state.route == .analyzeFinances)
            #expect(worth.state.visited == ["conversation", "financial_analysis", "context_update"])
            let reply = try #require(worth.state.result)
            let shown = netWorth.netWorthCents % 100 == 0
                ? MoneyFormat.wholeDollars(netWorth.netWorthCents) : MoneyFormat.dollars(netWorth.netWorthCents)
            #expect(reply.reply.contains(shown), "\(shown) missing from: \(reply.reply)")
            #expect(reply.facts.contains { $0.name == "net_worth" })

            // 2. A goal: proposed with its monthly amount; the run pauses for the answer.
            let wedding = try await say("I want to save $20,000 for a wedding by June 2028")
            #expect(wedding.state.route == .discussGoals)
            #expect(wedding.completion == .interrupted(node: "goal_extraction", reason: CoachGraph.confirmGoals))
            let proposed = try #require(wedding.state.pendingGoals.first)
            #expect(proposed.type == "wedding" && proposed.targetAmountCents == 20_000_00 && proposed.status == "proposed")
            #expect(wedding.state.result?.facts.contains { $0.name == "goal_1_monthly_contribution" } == true)

            // 3. Confirmed: the same run resumes and the goal is saved as a new context version.
            let confirmed = try await say("yes, save it")
            #expect(confirmed.state.runID == wedding.state.runID)
            #expect(confirmed.completion == .finished)
            #expect(confirmed.state.savedGoals.map(\.id) == [proposed.id])
            #expect(confirmed.state.contextVersion > context.version)
            let saved = try await cluster.database.query(
                "SELECT type, status, target_amount::text AS amount FROM plutus_goals WHERE id = \(proposed.id)::uuid")
            #expect(try saved.first?.decode("type", as: String.self) == "wedding")
            #expect(try saved.first?.decode("status", as: String.self) == "active")
            #expect(try saved.first?.decode("amount", as: String.self) == "20000.00")

            // 4. Advice: ranked, quantified recommendations with the disclaimer.
            let advice = try await say("should I pay off my loans or invest")
            #expect(advice.state.route == .getAdvice)
            let recommendations = try #require(advice.state.result?.recommendations)
            #expect(!recommendations.isEmpty)
            #expect(recommendations.map(\.priority) == Array(1...Int32(recommendations.count)))
            #expect(advice.state.result?.reply.contains("not individualized investment advice") == true)

            // 5. Goodbye: the conversation agent answers it and the run ends there.
            let bye = try await say("thanks, bye")
            #expect(bye.state.route == .end)
            #expect(bye.state.visited == ["conversation"])
            #expect(bye.state.result?.reply.isEmpty == false)

            // Every turn was stored, sealed, in order.
            let messages = try await cluster.conversations.messages(conversationID: conversation.id, userID: cluster.userID)
            #expect(messages.count == 10)
            #expect(messages.map(\.role.rawValue) == Array(repeating: ["user", "assistant"], count: 5).flatMap { $0 })
            // Finished runs keep only their last checkpoint.
            let rows = try await cluster.database.query(
                "SELECT run_id, count(*)::int AS n FROM plutus_graph_checkpoints GROUP BY run_id")
            #expect(try rows.allSatisfy { try $0.decode("n", as: Int.self) == 1 })
        }
    }
}
