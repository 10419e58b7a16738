import ArgumentParser
import Foundation
import PlutusService
import RPCTransport

/// `plutus-context`: the context engine. Serves `plutus.v1.Health` and keeps a client of the
/// vector store until the context issue adds its methods.
@main
struct ContextCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plutus-context", abstract: "The context engine: a user's financial context, cached and versioned.")

    @OptionGroup var options: ServiceOptions

    @Option(help: "The vector store: unix://, tcp:// (comma-separated) or dns://name:port (default: $PLUTUS_VECTOR_ADDRESS).")
    var vector: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let configuration = try ServiceConfiguration(kind: .context, options: options, environment: environment)
        let vectorTarget = try ServiceConfiguration.upstream(.vector, flag: vector, environment: environment)
        let runtime = ServiceRuntime.bootstrap(configuration)
        let vectorStore = runtime.client(of: .vector, target: vectorTarget)
        try await runtime.serve(RPCRouter(), clients: [vectorStore])
    }
}
