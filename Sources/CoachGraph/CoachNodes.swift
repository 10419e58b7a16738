import ContextEngine
import PlutusCluster
import PlutusWire
import RPCCore
import RPCTransport
import StateGraph

/// The graph's nodes: each builds its request from the state, calls its service, and folds the
/// answer back into the state.
struct CoachNodes: Sendable {
    let services: CoachServices

    /// Asks the conversation agent for the route (with the person's profile, from the context
    /// loaded once per run); small talk is answered here and the run ends. Fetching the context
    /// alongside the classification was tried and measured slower (Benchmarks/README.md).
    @Sendable func converse(_ state: CoachTurnState, _ node: NodeContext) async throws -> NodeOutcome<CoachTurnState> {
        var state = visited(state, node)
        let result = try await ask(.conversationAgent, route: .unspecified, &state, node)
        state.route = result.route
        state.intent = result.intent
        state.pendingGoals = []
        state.result = result.route == .end ? result : nil
        return .next(state)
    }

    /// A node whose answer is the agent's: the financial analysis and the recommendations.
    func answering(
        _ agent: ServiceKind, route: Route
    ) -> @Sendable (CoachTurnState, NodeContext) async throws -> NodeOutcome<CoachTurnState> {
        { state, node in
            var state = visited(state, node)
            state.result = try await ask(agent, route: route, &state, node)
            return .next(state)
        }
    }

    /// Asks the goal agent; goals it proposes pause the run until the person answers, goals the
    /// person confirmed go on to be saved.
    @Sendable func extractGoals(_ state: CoachTurnState, _ node: NodeContext) async throws -> NodeOutcome<CoachTurnState> {
        var state = visited(state, node)
        let result = try await ask(.goalAgent, route: .discussGoals, &state, node)
        state.result = result
        if result.handoff {
            state.pendingGoals = []
            return .next(state)
        }
        let proposed = result.goals.filter { $0.status == "proposed" }
        state.savedGoals = result.goals.filter { $0.status == "active" }
        state.pendingGoals = proposed
        return proposed.isEmpty ? .next(state) : .interrupt(state, reason: CoachGraph.confirmGoals)
    }

    /// Saves what the turn settled (confirmed goals) as a new context version. The run's id
    /// makes the update idempotent: a retried or resumed step gets the version it made before.
    @Sendable func updateContext(_ state: CoachTurnState, _ node: NodeContext) async throws -> NodeOutcome<CoachTurnState> {
        var state = visited(state, node)
        guard !state.savedGoals.isEmpty else { return .next(state) }
        // Goals are upserted by id, so no version they were heard against can be stale: the
        // update applies to whatever is current (base 0), once per run.
        let update = ContextUpdate(
            userID: state.userID, baseVersion: 0, goals: state.savedGoals,
            reason: "goal_extraction", runID: "\(state.runID):\(CoachGraph.contextUpdate)")
        let version = try await services.context.unary(
            ContextEngineRPC.updateContext, update, as: ContextVersion.self, deadline: deadline(node),
            metadata: metadata(state, node))
        state.contextVersion = version.version
        return .next(state)
    }

    /// Asks `agent`, first fetching the person's context if the state has none (a new run, or one
    /// resumed from a checkpoint, which does not keep it), with the memories closest to the message.
    private func ask(
        _ agent: ServiceKind, route: Route, _ state: inout CoachTurnState, _ node: NodeContext
    ) async throws -> AgentResult {
        if state.context == nil { state.context = try await fetchContext(state, node) }
        let result = try await send(agent, route: route, state, node)
        state.modelCalls += result.modelCalls
        return result
    }

    private func fetchContext(_ state: CoachTurnState, _ node: NodeContext) async throws -> UserContext {
        try await services.context.unary(
            ContextEngineRPC.getContext, GetContextRequest(userID: state.userID, topic: state.message), as: UserContext.self,
            deadline: deadline(node), metadata: metadata(state, node))
    }

    /// Calls `agent` with the turn as the state holds it.
    private func send(
        _ agent: ServiceKind, route: Route, _ state: CoachTurnState, _ node: NodeContext
    ) async throws -> AgentResult {
        guard let caller = services.caller(of: agent) else {
            throw GraphRunError(code: .nodeFailed, message: "\(agent) is not an agent", node: node.node)
        }
        // The conversation agent reads words, not figures: it gets the profile (for a greeting's
        // name), not the whole context.
        let context = agent == .conversationAgent
            ? state.context.map { UserContext(userID: $0.userID, version: $0.version, profile: $0.profile) }
            : state.context
        let request = AgentRequest(
            conversationID: state.conversationID, userID: state.userID, message: state.message,
            history: state.history, context: context, route: route,
            pendingGoals: state.pendingGoals, today: state.today)
        guard let listener = ReplyTokens.listener else {
            return try await caller.unary(
                agent.agentRunMethod, request, as: AgentResult.self, deadline: deadline(node),
                metadata: metadata(state, node))
        }
        let events = try caller.serverStreaming(
            agent.agentRunStreamMethod, request, as: AgentEvent.self, deadline: deadline(node),
            metadata: metadata(state, node))
        for try await event in events {
            if let result = event.result { return result }
            if !event.token.isEmpty { await listener.receive(node.node, event.token) }
        }
        throw GraphRunError(code: .nodeFailed, message: "\(agent) ended its stream without a result", node: node.node)
    }

    private func visited(_ state: CoachTurnState, _ node: NodeContext) -> CoachTurnState {
        var state = state
        state.visited.append(node.node)
        return state
    }

    /// The node's deadline as the RPC's.
    private func deadline(_ node: NodeContext) -> RPCDeadline? {
        node.deadline.map { RPCDeadline(after: ContinuousClock.now.duration(to: $0)) }
    }

    /// Marks the call safe to retry on another replica: the same run, step and node.
    private func metadata(_ state: CoachTurnState, _ node: NodeContext) -> RPCMetadata {
        [RPCMetadata.idempotencyKey: "\(state.runID):\(node.step):\(node.node)"]
    }
}
