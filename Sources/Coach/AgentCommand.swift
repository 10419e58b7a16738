public import PlutusService
import RPCTransport

/// The command of an agent executable: the agent of its kind over the configured language
/// provider, served until SIGTERM. The offline engine answers while no model is configured.
public protocol AgentCommand: ServiceCommand {}

extension AgentCommand {
    public func run() async throws {
        let runtime = try bootstrap()
        let provider = OfflineLanguageProvider()
        guard let agent = makeAgent(Self.kind, provider: provider, logger: runtime.logger) else {
            preconditionFailure("\(Self.kind) is not an agent")
        }
        runtime.logger.info("language provider", metadata: ["model": "\(provider.model)"])
        var router = RPCRouter()
        agent.register(on: &router)
        try await runtime.serve(router)
    }
}
