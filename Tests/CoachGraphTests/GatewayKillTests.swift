import CoachGraph
import Foundation
import PlutusCluster
import PlutusTestSupport
import PlutusWire
import Postgres
import ProcessSupport
import RPCCore
import RPCTransport
import StateGraph
import Testing

/// A process running the graph (`plutus chat`, as the gateway would) is killed between two
/// steps; the run resumes elsewhere from its checkpoint without redoing the finished step.
@Suite struct GatewayKillTests {
    @Test(.timeLimit(.minutes(3))) func aRunResumesAfterItsProcessIsKilledBetweenSteps() async throws {
        try await CoachCluster.with(replacing: [.financialAgent]) { cluster in
            // A financial agent that takes the call and never answers: the run stops after `conversation`.
            var stuckRouter = RPCRouter()
            stuckRouter.register(ServiceKind.financialAgent.agentRunMethod) { (_: AgentRequest, _) -> AgentResult in
                try await Task.sleep(for: .seconds(600))
                return AgentResult()
            }
            let stuck = try await RPCServer.bind(
                try RPCAddress(parsing: CoachCluster.socket(.financialAgent, in: cluster.directory)), router: stuckRouter,
                logger: CoachCluster.logger)
            let conversation = try await cluster.conversations.start(userID: cluster.userID)

            var environment = cluster.environment
            for kind in [ServiceKind.context, .conversationAgent, .financialAgent, .goalAgent, .recommendationAgent] {
                environment[kind.addressVariable] = CoachCluster.socket(kind, in: cluster.directory)
            }
            let chat = try ChildProcess.spawn(
                Repository.product("plutus"),
                ["chat", "--user", cluster.userID, "--conversation", conversation.id, "--message", "what's my net worth",
                 "--today", "2026-11-25", "--json"],
                environment: environment,
                standardOutput: .appendingTo(path: "\(cluster.directory)/chat.log"),
                standardError: .appendingTo(path: "\(cluster.directory)/chat.log"))
            func waitingCheckpoint() async throws -> (runID: String, step: Int)? {
                let rows = try await cluster.database.query(
                    """
                    SELECT run_id::text AS run_id, step FROM plutus_graph_checkpoints
                    WHERE conversation_id = \(conversation.id)::uuid AND next_node = 'financial_analysis'
                    """)
                return try rows.first.map { (try $0.decode("run_id"), try $0.decode("step")) }
            }
            let stopped = try await eventually(timeout: .seconds(60)) { try await waitingCheckpoint() != nil }
            chat.forceKill()
            _ = await chat.termination()
            let chatLog = (try? String(contentsOfFile: "\(cluster.directory)/chat.log", encoding: .utf8)) ?? ""
            #expect(stopped, "plutus chat never finished its first step:\n\(chatLog)")
            let checkpoint = try #require(try await waitingCheckpoint())
            #expect(checkpoint.step == 1)
            try await stuck.close()

            // The real agent takes over; the run resumes in this process.
            let agent = try await cluster.start(.financialAgent)
            let graph = try CoachGraph.make(services: cluster.services)
            let resumed = try await graph.resume(runID: checkpoint.runID, checkpointer: cluster.checkpointer)
            #expect(resumed.completion == .finished)
            #expect(resumed.state.visited == ["conversation", "financial_analysis", "context_update"])
            #expect(resumed.steps == 3)
            #expect(resumed.state.result?.facts.contains { $0.name == "net_worth" } == true)
            _ = await agent.stop(grace: .seconds(10))
        }
    }
}
