import ArgumentParser
import PlutusCluster
import PlutusService
import RPCTransport

/// `plutus-gateway`: the app's HTTP API and the conversation graph (later issues); today it keeps
/// a balanced client of every other service and reports, through `plutus.v1.Health/Check` with
/// a service's name (`plutus.v1.FinancialAgent`), whether that service has a replica admitted.
@main
struct GatewayCommand: ServiceCommand {
    static let kind = ServiceKind.gateway

    @OptionGroup var options: ServiceOptions

    @Option(help: "The context engine (default: $PLUTUS_CONTEXT_ADDRESS).")
    var context: String?
    @Option(help: "The conversation agent (default: $PLUTUS_CONVERSATION_AGENT_ADDRESS).")
    var conversationAgent: String?
    @Option(help: "The financial analysis agent (default: $PLUTUS_FINANCIAL_AGENT_ADDRESS).")
    var financialAgent: String?
    @Option(help: "The goal extraction agent (default: $PLUTUS_GOAL_AGENT_ADDRESS).")
    var goalAgent: String?
    @Option(help: "The recommendation agent (default: $PLUTUS_RECOMMENDATION_AGENT_ADDRESS).")
    var recommendationAgent: String?
    @Option(help: "The vector store (default: $PLUTUS_VECTOR_ADDRESS).")
    var vector: String?

    func run() async throws {
        let flags: [ServiceKind: String?] = [
            .context: context, .conversationAgent: conversationAgent, .financialAgent: financialAgent,
            .goalAgent: goalAgent, .recommendationAgent: recommendationAgent, .vector: vector,
        ]
        let targets = try ServiceKind.gateway.upstreams.map { kind in
            (kind, try target(of: kind, flag: flags[kind] ?? nil))
        }
        let runtime = try bootstrap()
        let clients = Dictionary(uniqueKeysWithValues: targets.map { ($0.0.rpcService, runtime.client(of: $0.0, target: $0.1)) })
        try await runtime.serve(RPCRouter(), clients: Array(clients.values)) { name in
            guard let client = clients[name] else { return nil }
            return client.replicaStatuses().contains(where: \.isAdmitted) ? .serving : .notServing
        }
    }
}
