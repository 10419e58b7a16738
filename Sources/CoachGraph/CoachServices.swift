public import PlutusCluster
public import RPCTransport

/// The services the conversation graph's nodes call, each behind a caller: a balanced client of
/// its replicas in the gateway, a router in the same process in tests.
public struct CoachServices: Sendable {
    public var context: any RPCCaller
    public var conversationAgent: any RPCCaller
    public var financialAgent: any RPCCaller
    public var goalAgent: any RPCCaller
    public var recommendationAgent: any RPCCaller

    public init(
        context: any RPCCaller, conversationAgent: any RPCCaller, financialAgent: any RPCCaller,
        goalAgent: any RPCCaller, recommendationAgent: any RPCCaller
    ) {
        self.context = context
        self.conversationAgent = conversationAgent
        self.financialAgent = financialAgent
        self.goalAgent = goalAgent
        self.recommendationAgent = recommendationAgent
    }

    /// The caller of `agent`; `nil` for a service that is not one of the four agents.
    public func caller(of agent: ServiceKind) -> (any RPCCaller)? {
        switch agent {
        case .conversationAgent: conversationAgent
        case .financialAgent: financialAgent
        case .goalAgent: goalAgent
        case .recommendationAgent: recommendationAgent
        case .gateway, .context, .vector: nil
        }
    }

    /// The services from a client per kind; `nil` when one of the five is missing.
    public init?(clients: [ServiceKind: any RPCCaller]) {
        guard let context = clients[.context], let conversation = clients[.conversationAgent],
            let financial = clients[.financialAgent], let goals = clients[.goalAgent],
            let recommendation = clients[.recommendationAgent]
        else { return nil }
        self.init(
            context: context, conversationAgent: conversation, financialAgent: financial, goalAgent: goals,
            recommendationAgent: recommendation)
    }
}
