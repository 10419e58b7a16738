public import PlutusWire
import RPCCore
import PlutusCluster
import RPCTransport
public import StateGraph

/// The Plutus conversation graph (DESIGN.md):
///
/// ```
/// conversation ──route──▶ financial_analysis ─┐
///      │        ├───────▶ goal_extraction ────┼──▶ context_update ──▶ END
///      │        └───────▶ recommendation ─────┘
///      └── end ──▶ END
/// ```
/// Each node is an RPC call to the service that owns it. `goal_extraction` pauses the run when
/// it proposes a goal, until the person answers; an answer about something else goes back to
/// `conversation`.
public enum CoachGraph {
    public static let conversation = "conversation"
    public static let financialAnalysis = "financial_analysis"
    public static let goalExtraction = "goal_extraction"
    public static let recommendation = "recommendation"
    public static let contextUpdate = "context_update"

    /// Why `goal_extraction` pauses: its goals wait for the person's yes or no.
    public static let confirmGoals = "confirm_goals"

    /// How long each node may take and how it retries.
    public struct Policy: Sendable {
        /// One attempt's limit for an agent's node (a language model may be slow).
        public var agentTimeout: Duration = .seconds(30)
        /// One attempt's limit for the context engine's calls.
        public var contextTimeout: Duration = .seconds(5)
        /// Attempts in all for a node whose call failed with a retryable status.
        public var maxAttempts = 3
        public var initialBackoff: Duration = .milliseconds(50)
        /// The most steps one turn (a run, or one resume of it) may take.
        public var stepLimit = 12
        /// When checkpoints are saved. Redoing a step after a crash does no harm: agents have no
        /// side effects (a redone goal proposal is a fresh proposal), and `context_update` is
        /// applied once per run. So `.async` takes the checkpoint writes off a turn's critical path.
        public var durability = CheckpointDurability.async

        public init() {}
    }

    /// Builds and checks the graph over `services`.
    public static func make(services: CoachServices, policy: Policy = Policy()) throws -> CompiledGraph<CoachTurnState> {
        let nodes = CoachNodes(services: services)
        let agentPolicy = nodePolicy(timeout: policy.agentTimeout, policy)
        var graph = StateGraph<CoachTurnState>()
        graph.addNode(conversation, policy: agentPolicy, nodes.converse)
        graph.addNode(financialAnalysis, policy: agentPolicy, nodes.answering(.financialAgent, route: .analyzeFinances))
        graph.addNode(goalExtraction, policy: agentPolicy, nodes.extractGoals)
        graph.addNode(recommendation, policy: agentPolicy, nodes.answering(.recommendationAgent, route: .getAdvice))
        graph.addNode(contextUpdate, policy: nodePolicy(timeout: policy.contextTimeout, policy), nodes.updateContext)
        graph.setEntryPoint(conversation)
        graph.addConditionalEdges(
            from: conversation,
            routes: [
                "analyze_finances": .node(financialAnalysis), "discuss_goals": .node(goalExtraction),
                "get_advice": .node(recommendation), "end": .end,
            ]
        ) { state in state.route.name }  // an unspecified route has no edge: the run stops rather than guess
        graph.addConditionalEdges(
            from: goalExtraction, routes: ["update": .node(contextUpdate), "reroute": .node(conversation)]
        ) { state in state.result?.handoff == true ? "reroute" : "update" }
        graph.addEdge(from: financialAnalysis, to: .node(contextUpdate))
        graph.addEdge(from: recommendation, to: .node(contextUpdate))
        graph.addEdge(from: contextUpdate, to: .end)
        return try graph.compile(stepLimit: policy.stepLimit, durability: policy.durability)
    }


    /// Statuses a call may be retried on: the service, or one replica, was briefly away.
    public static func isRetryable(_ error: any Error) -> Bool {
        if let error = error as? RPCError {
            return [.unavailable, .resourceExhausted, .deadlineExceeded].contains(error.code)
        }
        return (error as? GraphRunError)?.code == .nodeTimedOut
    }

    private static func nodePolicy(timeout: Duration, _ policy: Policy) -> NodePolicy {
        NodePolicy(
            timeout: timeout, maxAttempts: policy.maxAttempts, initialBackoff: policy.initialBackoff,
            isRetryable: isRetryable)
    }
}
