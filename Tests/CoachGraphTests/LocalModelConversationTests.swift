import CoachGraph
import Foundation
import PlutusWire
import Testing

/// A turn through the whole cluster on `PLUTUS_LLM=openai` against a model server we did not
/// write (`make test-local-model` starts llama-cpp-python with Gemma 3 270M). A base model that
/// small routes and writes poorly, so this checks the path, never the words: the agents' model
/// calls reach the server and are answered, the reply streams, and the figures still come from
/// the finance engine.
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["PLUTUS_LOCAL_MODEL_URL"] != nil,
        "set PLUTUS_LOCAL_MODEL_URL (make test-local-model does) to run a turn against a real local model"),
    .timeLimit(.minutes(5)))
struct LocalModelConversationTests {
    @Test func aTurnThroughALocalModel() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["PLUTUS_LOCAL_MODEL_URL"])
        let environment = ["PLUTUS_LLM": "openai", "OPENAI_BASE_URL": url, "PLUTUS_LLM_MODEL": "gemma-3-270m"]
        try await CoachCluster.with(extraEnvironment: environment) { cluster in
            var policy = CoachGraph.Policy()
            policy.agentTimeout = .seconds(90)  // one CPU thread writes ~50 tokens a second
            let runner = try cluster.runner(policy: policy)
            let conversation = try await cluster.conversations.start(userID: cluster.userID, title: "local model")
            let tokens = TokenLog()
            let turn = try await runner.reply(
                to: "what's my net worth", conversationID: conversation.id, userID: cluster.userID, today: "2026-11-25",
                onToken: { node, token in await tokens.append(node, token) })

            let result = try #require(turn.state.result)
            #expect(!result.reply.isEmpty)
            #expect(turn.state.route != .unspecified)
            let calls = turn.state.modelCalls
            #expect(calls.first?.purpose == "classify")
            #expect(calls.allSatisfy { $0.provider == "openai" && $0.model == "gemma-3-270m" })
            #expect(calls.allSatisfy { $0.outcome == "answered" }, "\(calls.map(\.outcome)); \(cluster.log(of: .conversationAgent))")
            // llama-cpp-python reports no usage when streaming (it ignores `stream_options`): the
            // write's tokens are not asserted, the classification's (not streamed) are.
            #expect(calls.contains { $0.purpose == "write" })
            #expect(calls.first.map { $0.inputTokens > 0 && $0.outputTokens > 0 } == true)
            #expect(await tokens.entries.count > 1)
            if turn.state.route == .analyzeFinances {
                #expect(result.facts.contains { $0.name == "net_worth" })
            }
        }
    }
}
