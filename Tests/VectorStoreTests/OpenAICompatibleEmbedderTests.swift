import Foundation
import HTTPClient
import LanguageModels
import PlutusTestSupport
import PlutusWire
import Testing
@testable import VectorStore

/// The OpenAI-compatible embedder against the scripted model server (a real local HTTP server).
@Suite struct OpenAICompatibleEmbedderTests {
    func embedder(_ key: String, dimension: Int = 8) throws -> OpenAICompatibleEmbedder {
        try OpenAICompatibleEmbedder(
            baseURL: try ModelTestServer.shared().baseURL(key) + "/v1", model: "nomic-embed-text", dimension: dimension,
            apiKey: "sk-test", http: Backends.http)
    }

    @Test func embedsEveryTextInOrderAndSendsModelAndKey() async throws {
        let server = try ModelTestServer.shared()
        let key = try await server.script([])
        let vectors = try await embedder(key).embed(["emergency fund", "visa card", "emergency fund"])
        #expect(vectors.count == 3 && vectors.allSatisfy { $0.count == 8 })
        #expect(vectors[0] == vectors[2] && vectors[0] != vectors[1])
        let request = try #require(try await server.requests(key).first)
        #expect(request["body"]?["model"]?.stringValue == "nomic-embed-text")
        #expect(request["headers"]?["authorization"]?.stringValue == "Bearer sk-test")
    }

    @Test func aWrongSizeAFailureOrAMalformedAnswerIsRefused() async throws {
        let server = try ModelTestServer.shared()
        for step: JSONValue in [["embedding_dimensions": 4], ["status": 500], ["malformed": true]] {
            let key = try await server.script([step])
            await #expect(throws: VectorStoreError.self, "\(step)") { try await embedder(key).embed(["text"]) }
        }
        #expect(throws: VectorStoreError.self) {
            try OpenAICompatibleEmbedder(baseURL: "file:///tmp", model: "m", dimension: 8, http: Backends.http)
        }
    }

    @Test func aCollectionFilledByTheEndpointRefusesTextEmbeddedLocally() async throws {
        let key = try await ModelTestServer.shared().script([])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plutus-embedder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let remote = try VectorStore(configuration: .init(directory: directory, sync: "never"), embedder: try embedder(key))
        _ = try await remote.upsert(UpsertRequest(tenant: "t", collection: "memory", items: [VectorItem(id: "a", document: "hello")]))
        let info = try #require(try await remote.collections(of: "t").first)
        #expect(info.embedder == "openai-compatible:nomic-embed-text:8" && info.dimension == 8)
        #expect(try await remote.query(QueryRequest(tenant: "t", collection: "memory", text: "hello", topK: 1)).map(\.id) == ["a"])

        let local = try VectorStore(configuration: .init(directory: directory, sync: "never"))
        await #expect(throws: VectorStoreError.self, "mixing embedders is refused") {
            try await local.upsert(UpsertRequest(tenant: "t", collection: "memory", items: [VectorItem(id: "b", document: "hi")]))
        }
        await #expect(throws: VectorStoreError.self) {
            try await local.query(QueryRequest(tenant: "t", collection: "memory", text: "hello"))
        }
    }
}
