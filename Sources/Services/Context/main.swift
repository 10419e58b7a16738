import ArgumentParser
import PlutusCluster
import PlutusService
import RPCTransport

/// Serves `plutus.v1.Health` and keeps a client of the vector store until the context issue adds
/// its methods.
@main
struct ContextCommand: ServiceCommand {
    static let kind = ServiceKind.context

    @OptionGroup var options: ServiceOptions

    @Option(help: "The vector store: unix://, tcp:// (comma-separated) or dns://name:port (default: $PLUTUS_VECTOR_ADDRESS).")
    var vector: String?

    func run() async throws {
        let vectorTarget = try target(of: .vector, flag: vector)
        let runtime = try bootstrap()
        try await runtime.serve(RPCRouter(), clients: [runtime.client(of: .vector, target: vectorTarget)])
    }
}
