import ArgumentParser
import Foundation
import PlutusService
import RPCTransport

/// `plutus-vector`: the vector store, semantic memory of past conversations and insights.
/// Serves only `plutus.v1.Health` until the vector-store issue adds its methods.
@main
struct VectorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plutus-vector", abstract: "The vector store: semantic memory of conversations and insights.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        let configuration = try ServiceConfiguration(
            kind: .vector, options: options, environment: ProcessInfo.processInfo.environment)
        try await ServiceRuntime.bootstrap(configuration).serve(RPCRouter())
    }
}
