import Foundation
public import RPCCore

/// The services of a Plutus cluster: what each is called, where its address is configured, and
/// which others it calls. `plutus up`, `plutus health` and the services themselves share this list.
public enum ServiceKind: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    case gateway
    case context
    case conversationAgent = "conversation-agent"
    case financialAgent = "financial-agent"
    case goalAgent = "goal-agent"
    case recommendationAgent = "recommendation-agent"
    case vector

    /// The executable, such as `plutus-financial-agent`.
    public var executable: String { "plutus-\(rawValue)" }

    /// What it does, in a line: the executable's help.
    public var role: String {
        switch self {
        case .gateway: "The HTTP API and conversation graph, in front of every other service."
        case .context: "The context engine: a user's financial context, cached and versioned."
        case .conversationAgent: "Reads a turn, decides its route, and answers small talk."
        case .financialAgent: "Runs the finance engine on a user's context and explains the figures."
        case .goalAgent: "Extracts goals from a conversation and asks for what is missing."
        case .recommendationAgent: "Ranks quantified recommendations, with a disclaimer."
        case .vector: "The vector store: semantic memory of conversations and insights."
        }
    }

    /// The short name `plutus up --replicas` takes, such as `financial`.
    public var replicaName: String {
        switch self {
        case .conversationAgent: "conversation"
        case .financialAgent: "financial"
        case .goalAgent: "goal"
        case .recommendationAgent: "recommendation"
        case .gateway, .context, .vector: rawValue
        }
    }

    /// The RPC service it serves besides `plutus.v1.Health`, such as `plutus.v1.FinancialAgent`.
    public var rpcService: String {
        switch self {
        case .gateway: "plutus.v1.Gateway"
        case .context: "plutus.v1.ContextEngine"
        case .conversationAgent: "plutus.v1.ConversationAgent"
        case .financialAgent: "plutus.v1.FinancialAgent"
        case .goalAgent: "plutus.v1.GoalAgent"
        case .recommendationAgent: "plutus.v1.RecommendationAgent"
        case .vector: "plutus.v1.VectorStore"
        }
    }

    /// The environment variable holding where other services reach this one, such as
    /// `PLUTUS_FINANCIAL_AGENT_ADDRESS` (`unix://`, `tcp://` or `dns://`; lists are comma-separated).
    public var addressVariable: String {
        "PLUTUS_\(rawValue.uppercased().replacingOccurrences(of: "-", with: "_"))_ADDRESS"
    }

    /// The services this one calls.
    public var upstreams: [ServiceKind] {
        switch self {
        case .gateway: [.context, .conversationAgent, .financialAgent, .goalAgent, .recommendationAgent, .vector]
        case .context: [.vector]
        case .conversationAgent, .financialAgent, .goalAgent, .recommendationAgent, .vector: []
        }
    }

    /// Whether it is one of the four agents.
    public var isAgent: Bool {
        switch self {
        case .conversationAgent, .financialAgent, .goalAgent, .recommendationAgent: true
        case .gateway, .context, .vector: false
        }
    }

    /// Looks a kind up by its name or its short replica name.
    public init?(named name: String) {
        guard let kind = Self.allCases.first(where: { $0.rawValue == name || $0.replicaName == name }) else { return nil }
        self = kind
    }

    public var description: String { rawValue }

    /// `plutus.v1.<Agent>/Run`: a turn in, the agent's result out.
    public var agentRunMethod: RPCMethod { RPCMethod(service: rpcService, method: "Run") }

    /// `plutus.v1.<Agent>/RunStream`: the same turn, its reply's tokens streamed as the model
    /// writes them (`AgentEvent`s), the result last.
    public var agentRunStreamMethod: RPCMethod { RPCMethod(service: rpcService, method: "RunStream") }

    /// `plutus.v1.Gateway/Converse`: one message of a conversation through the gateway's graph.
    public static let converseMethod = RPCMethod(service: ServiceKind.gateway.rpcService, method: "Converse")

    /// `plutus.v1.Gateway/ConverseStream`: the same, as `ConverseEvent`s: nodes as they start,
    /// the reply's tokens as they are written, the reply last.
    public static let converseStreamMethod = RPCMethod(service: ServiceKind.gateway.rpcService, method: "ConverseStream")
}
