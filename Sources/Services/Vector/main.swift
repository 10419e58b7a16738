import ArgumentParser
import PlutusCluster
import PlutusService
import RPCTransport

/// Serves only `plutus.v1.Health` until the vector-store issue adds its methods.
@main
struct VectorCommand: ServiceCommand {
    static let kind = ServiceKind.vector

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        try await bootstrap().serve(RPCRouter())
    }
}
