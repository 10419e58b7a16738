import ContextEngine
import Foundation
import PlutusWire
import RPCCore
import RPCTransport
import Testing
import VectorStore

/// The context engine's memories from a real vector store, over the in-process transport.
@Suite struct VectorMemorySourceTests {
    func withMemories(_ body: (VectorStore, VectorMemorySource) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plutus-memory-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try VectorStore(configuration: .init(directory: directory, sync: "never"))
        var router = RPCRouter()
        VectorStoreRPC.register(store, on: &router)
        try await body(store, VectorMemorySource(caller: InProcessRPCCaller(router: router)))
    }

    @Test func someoneWithNothingRememberedHasNoMemoriesNotAnOutage() async throws {
        try await withMemories { _, memories in
            let found = try await memories.memories(of: UUID().uuidString, about: "retirement", metadata: [:])
            #expect(found.isEmpty)
        }
    }

    @Test func memoriesAreTheirOwnClosestFirstWithTheirKind() async throws {
        try await withMemories { store, memories in
            let alice = UUID().uuidString
            let bob = UUID().uuidString
            _ = try await store.upsert(
                UpsertRequest(
                    tenant: alice, collection: VectorMemorySource.collection,
                    items: [
                        VectorItem(id: "a1", document: "Asked how to build an emergency fund", metadataJSON: #"{"kind": "conversation"}"#),
                        VectorItem(id: "a2", document: "Spends most on restaurants", metadataJSON: #"{"kind": "insight"}"#),
                    ]))
            _ = try await store.upsert(
                UpsertRequest(
                    tenant: bob, collection: VectorMemorySource.collection,
                    items: [VectorItem(id: "b1", document: "Asked about an emergency fund too", metadataJSON: #"{"kind": "insight"}"#)]))
            let found = try await memories.memories(of: alice, about: "emergency fund", metadata: [:])
            #expect(found.map(\.id) == ["a1", "a2"])
            #expect(found.first?.kind == "conversation")
            #expect(found.first.map { $0.distance < found[1].distance } == true)
        }
    }
}
