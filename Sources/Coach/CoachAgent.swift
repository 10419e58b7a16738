public import Logging
public import PlutusCluster
public import PlutusWire
import RPCCore
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
    /// Serves `plutus.v1.<Agent>/Run` on `router`.
    public func register(on router: inout RPCRouter) {
        router.register(Self.kind.agentRunMethod) { (request: AgentRequest, _) -> AgentResult in
            try await self.run(request)
        }
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
