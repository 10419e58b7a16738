public import PlutusCluster
import Foundation
import RPCTransport

/// The body of the four agent executables, which differ only in their kind until the coach
/// issue gives each its own logic.
public enum AgentProcess {
    /// Resolves the configuration, then serves the agent's placeholder `Run` until SIGTERM.
    /// - Throws: ``ConfigurationError`` for a bad or missing setting.
    public static func run(_ kind: ServiceKind, options: ServiceOptions) async throws {
        let configuration = try ServiceConfiguration(
            kind: kind, options: options, environment: ProcessInfo.processInfo.environment)
        let runtime = ServiceRuntime.bootstrap(configuration)
        var router = RPCRouter()
        PlaceholderAgent.register(kind, in: &router)
        try await runtime.serve(router)
    }
}
