import Foundation
public import PlutusService
import RPCTransport

/// The command of an agent executable: the agent of its kind over the configured language
/// provider (``LanguageModelSettings``), served until SIGTERM. The offline engine answers while
/// no model is configured.
public protocol AgentCommand: ServiceCommand {}

extension AgentCommand {
    public func run() async throws {
        let runtime = try bootstrap()
        let settings = try LanguageModelSettings(environment: ProcessInfo.processInfo.environment)
        let language = try ConfiguredLanguage(settings, logger: runtime.logger)
        guard let agent = makeAgent(Self.kind, provider: language.provider, logger: runtime.logger) else {
            preconditionFailure("\(Self.kind) is not an agent")
        }
        runtime.logger.info("language provider", metadata: ["llm": "\(settings.summary)"])
        var router = RPCRouter()
        agent.register(on: &router)
        do {
            try await runtime.serve(router)
        } catch {
            await language.shutdown()
            throw error
        }
        await language.shutdown()
    }
}
