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
}
