import ArgumentParser
import Foundation
import HTTPClient
import PlutusCluster
import PlutusService
import RPCTransport
import VectorStore

/// `plutus-vector`: serves `plutus.v1.VectorStore`, from its embedded store (whose append-only log and
/// snapshots live in its data directory, one per instance) or by forwarding to a ChromaDB server.
@main
struct VectorCommand: ServiceCommand {
    static let kind = ServiceKind.vector

    @OptionGroup var options: ServiceOptions

    @Option(help: "embedded (default) or chroma (default: $PLUTUS_VECTOR_BACKEND).")
    var backend: String?

    @Option(help: "The ChromaDB server for --backend chroma, such as http://chroma:8000 (default: $PLUTUS_CHROMA_URL).")
    var chromaURL: String?

    @Option(help: "Where the embedded store's log and snapshots live (default: $PLUTUS_VECTOR_DIR, else .data/vector/INSTANCE).")
    var dataDirectory: String?

    @Option(help: "always: fsync every acknowledged write batch; never: leave it to the OS (default: $PLUTUS_VECTOR_SYNC, else always).")
    var sync: String?

    @Option(help: "local (hashed n-grams, needs nothing) or openai (an OpenAI-compatible /v1/embeddings: $PLUTUS_EMBEDDINGS_URL, _MODEL, _DIMENSION, _API_KEY) (default: $PLUTUS_VECTOR_EMBEDDER, else local).")
    var embedder: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let runtime = try bootstrap()
        var http: HTTPClient?
        func sharedHTTP() throws -> HTTPClient {
            if let http { return http }
            let client = try HTTPClient(logger: runtime.logger)
            http = client
            return client
        }
        let store: any VectorBackend
        do {
            let embedder = try Self.embedder(named: self.embedder, environment: environment, http: sharedHTTP)
            switch backend ?? environment["PLUTUS_VECTOR_BACKEND"] ?? "embedded" {
            case "embedded":
                let directory =
                    dataDirectory ?? environment["PLUTUS_VECTOR_DIR"] ?? ".data/vector/\(runtime.configuration.instance)"
                store = try VectorStore(
                    configuration: .init(
                        directory: URL(fileURLWithPath: directory),
                        sync: sync ?? environment["PLUTUS_VECTOR_SYNC"] ?? "always"),
                    embedder: embedder)
                runtime.logger.info("vector store open", metadata: ["vector.directory": "\(directory)"])
            case "chroma":
                guard let url = chromaURL ?? environment["PLUTUS_CHROMA_URL"], !url.isEmpty else {
                    throw ValidationError("--backend chroma needs --chroma-url or $PLUTUS_CHROMA_URL")
                }
                store = try ChromaBackend(url: url, http: try sharedHTTP(), embedder: embedder)
                runtime.logger.info("vector store forwards to ChromaDB", metadata: ["vector.chroma": "\(url)"])
            case let other:
                throw ValidationError("--backend must be embedded or chroma, not \(other)")
            }
        } catch let error as VectorStoreError {
            throw ValidationError(error.description)
        }
        runtime.logger.info("vector embedder", metadata: ["vector.embedder": "\(self.embedder ?? environment["PLUTUS_VECTOR_EMBEDDER"] ?? "local")"])
        var router = RPCRouter()
        VectorStoreRPC.register(store, on: &router)
        try await runtime.serve(router)
        await http?.shutdown()
    }

    /// The embedder `name` (flag, else `PLUTUS_VECTOR_EMBEDDER`, else local) picks.
    static func embedder(
        named name: String?, environment: [String: String], http: () throws -> HTTPClient
    ) throws -> any Embedder {
        switch name ?? environment["PLUTUS_VECTOR_EMBEDDER"] ?? "local" {
        case "local":
            return HashedNGramEmbedder()
        case "openai":
            guard let url = environment["PLUTUS_EMBEDDINGS_URL"], let model = environment["PLUTUS_EMBEDDINGS_MODEL"],
                let dimension = environment["PLUTUS_EMBEDDINGS_DIMENSION"].flatMap(Int.init)
            else {
                throw ValidationError(
                    "--embedder openai needs PLUTUS_EMBEDDINGS_URL, PLUTUS_EMBEDDINGS_MODEL and a numeric PLUTUS_EMBEDDINGS_DIMENSION")
            }
            return try OpenAICompatibleEmbedder(
                baseURL: url, model: model, dimension: dimension,
                apiKey: environment["PLUTUS_EMBEDDINGS_API_KEY"] ?? environment["OPENAI_API_KEY"], http: try http())
        case let other:
            throw ValidationError("--embedder must be local or openai, not \(other)")
        }
    }
}
