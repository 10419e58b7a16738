import ArgumentParser
import Foundation
import PlutusCluster
import PlutusService
import RPCTransport
import VectorStore

/// `plutus-vector`: serves `plutus.v1.VectorStore` from its embedded store, whose append-only log and
/// snapshots live in its data directory (one per instance).
@main
struct VectorCommand: ServiceCommand {
    static let kind = ServiceKind.vector

    @OptionGroup var options: ServiceOptions

    @Option(help: "Where the store's log and snapshots live (default: $PLUTUS_VECTOR_DIR, else .data/vector/INSTANCE).")
    var dataDirectory: String?

    @Option(help: "always: fsync every acknowledged write batch; never: leave it to the OS (default: $PLUTUS_VECTOR_SYNC, else always).")
    var sync: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let runtime = try bootstrap()
        let directory =
            dataDirectory ?? environment["PLUTUS_VECTOR_DIR"] ?? ".data/vector/\(runtime.configuration.instance)"
        let store: VectorStore
        do {
            store = try VectorStore(
                configuration: .init(
                    directory: URL(fileURLWithPath: directory), sync: sync ?? environment["PLUTUS_VECTOR_SYNC"] ?? "always"))
        } catch let error as VectorStoreError {
            throw ValidationError(error.description)
        }
        runtime.logger.info("vector store open", metadata: ["vector.directory": "\(directory)"])
        var router = RPCRouter()
        VectorStoreRPC.register(store, on: &router)
        try await runtime.serve(router)
    }
}
