public import Logging
public import PlutusCluster
public import PlutusWire
public import RPCCore
import LanguageModels
public import RPCTransport

/// One of the four agents: a turn in, its result out. Agents are values over a language
/// provider; the service executables serve them over RPC with ``register(on:)``.
public protocol CoachAgent: Sendable {
    /// Which agent this is (its RPC service and executable).
    static var kind: ServiceKind { get }

    /// Answers one turn.
    /// - Throws: `RPCError` with `INVALID_ARGUMENT` for a request it cannot read.
    func run(_ request: AgentRequest) async throws -> AgentResult
}

extension CoachAgent {
    /// Serves `plutus.v1.<Agent>/Run` and `RunStream` on `router`.
    public func register(on router: inout RPCRouter) {
        router.register(Self.kind.agentRunMethod) { (request: AgentRequest, context) -> AgentResult in
            try await self.answer(request, deadline: context.deadline)
        }
        router.registerServerStreaming(Self.kind.agentRunStreamMethod) {
            (request: AgentRequest, events: RPCResponseWriter<AgentEvent>, context) in
            let result = try await self.answer(request, deadline: context.deadline) { token in
                // A caller that left is noticed at the last send, which throws.
                try? await events.send(AgentEvent(token: token))
            }
            try await events.send(AgentEvent(result: result))
        }
    }

    /// Answers one turn within its ``TurnScope`` (the person, and the caller's deadline for model
    /// calls); the result lists the model calls made for it.
    public func answer(
        _ request: AgentRequest, deadline: RPCDeadline?, onText: (@Sendable (String) async -> Void)? = nil
    ) async throws -> AgentResult {
        let log = ModelCallLog()
        let scope = TurnScope(
            userID: request.userID, deadline: deadline.map { ContinuousClock.now + $0.remaining() }, onText: onText)
        var result = try await ModelCallLog.$current.withValue(log) {
            try await TurnScope.$current.withValue(scope) { try await run(request) }
        }
        result.modelCalls = log.calls.map(ModelCall.init)
        return result
    }
}

extension ModelCall {
    /// The wire form of a recorded call.
    init(_ record: ModelCallRecord) {
        self.init(
            provider: record.provider, model: record.model, purpose: record.purpose, outcome: "\(record.outcome)",
            inputTokens: Int64(record.usage.inputTokens), outputTokens: Int64(record.usage.outputTokens),
            cacheCreationInputTokens: Int64(record.usage.cacheCreationInputTokens),
            cacheReadInputTokens: Int64(record.usage.cacheReadInputTokens),
            latencyMs: Int64(record.latency / .milliseconds(1)), attempts: Int32(clamping: record.attempts))
    }
}

/// The agent of `kind` over `provider`: what an agent executable serves.
public func makeAgent(_ kind: ServiceKind, provider: any LanguageProvider, logger: Logger) -> (any CoachAgent)? {
    switch kind {
    case .conversationAgent: ConversationAgent(provider: provider)
    case .financialAgent: FinancialAgent(provider: provider, logger: logger)
    case .goalAgent: GoalAgent(provider: provider, logger: logger)
    case .recommendationAgent: RecommendationAgent(provider: provider, logger: logger)
    case .gateway, .context, .vector: nil
    }
}
