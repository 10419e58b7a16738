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

/// The gateway process is killed between two steps of a run; the run resumes elsewhere from its
/// checkpoint without redoing the finished step.
@Suite struct GatewayKillTests {
    @Test(.timeLimit(.minutes(3))) func aRunResumesAfterTheGatewayIsKilledBetweenSteps() async throws {
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

            let gateway = try await cluster.start(.gateway)
            let call = Task {
                try await gateway.client.unary(
                    ServiceKind.converseMethod,
                    ConverseRequest(
                        userID: cluster.userID, conversationID: conversation.id, message: "what's my net worth",
                        today: "2026-11-25"),
                    as: ConverseReply.self)
            }
            func waitingCheckpoint() async throws -> (runID: String, step: Int)? {
                let rows = try await cluster.database.query(
                    """
                    SELECT run_id::text AS run_id, step FROM plutus_graph_checkpoints
                    WHERE conversation_id = \(conversation.id)::uuid AND next_node = 'financial_analysis'
                    """)
                return try rows.first.map { (try $0.decode("run_id"), try $0.decode("step")) }
            }
            let stopped = try await eventually(timeout: .seconds(60)) { try await waitingCheckpoint() != nil }
            gateway.process.forceKill()
            _ = await gateway.process.termination()
            let failed = await call.result
            await gateway.client.close()
            #expect(stopped, "the gateway never finished its first step:\n\(cluster.log(of: .gateway))")
            #expect(throws: RPCError.self) { try failed.get() }
            let checkpoint = try #require(try await waitingCheckpoint())
            #expect(checkpoint.step == 1)
            try await stuck.close()

            // The real agent takes over; the run resumes in this process.
            let agent = try await cluster.start(.financialAgent)
            await agent.client.close()
            let graph = try CoachGraph.make(services: cluster.services)
            let resumed = try await graph.resume(runID: checkpoint.runID, checkpointer: cluster.checkpointer)
            #expect(resumed.completion == .finished)
            #expect(resumed.state.visited == ["conversation", "financial_analysis", "context_update"])
            #expect(resumed.steps == 3)
            #expect(resumed.state.result?.facts.contains { $0.name == "net_worth" } == true)
            _ = await agent.process.stop(grace: .seconds(10))
        }
    }
}
