import Foundation
import PlutusWire
import Testing
@testable import VectorStore

@Suite("Vector store")
struct VectorStoreTests {
    /// What an exact search must return: every distance computed, sorted.
    func bruteForce(_ items: [VectorItem], _ query: [Float], _ distance: VectorDistance, k: Int) -> [String] {
        func normalized(_ vector: [Float]) -> [Float] { CollectionIndex.normalized(vector) }
        let scored = items.map { item -> (String, Float) in
            switch distance {
            case .l2: return (item.id, zip(item.vector, query).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) })
            case .dot: return (item.id, 1 - zip(item.vector, query).reduce(0) { $0 + $1.0 * $1.1 })
            default: return (item.id, 1 - zip(normalized(item.vector), normalized(query)).reduce(0) { $0 + $1.0 * $1.1 })
            }
        }
        return scored.sorted { $0.1 < $1.1 }.prefix(k).map(\.0)
    }

    @Test(arguments: [VectorDistance.cosine, .dot, .l2])
    func queriesReturnTheExactNearestInOrder(distance: VectorDistance) async throws {
        try await withStore { store, _ in
            var source = VectorSource(seed: 11)
            let items = (0..<500).map { item("v\($0)", source.next(16), #"{"n": \#($0)}"#) }
            #expect(try await store.upsert(UpsertRequest(tenant: "t", collection: "items", items: items, distance: distance)) == 500)
            for _ in 0..<10 {
                let query = source.next(16)
                let hits = try await store.query(QueryRequest(tenant: "t", collection: "items", vector: query, topK: 10))
                #expect(hits.map(\.id) == bruteForce(items, query, distance, k: 10))
                #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.distance <= $1.distance })
            }
        }
    }

    @Test func aFilteredQueryReturnsKHitsWhenKItemsMatch() async throws {
        try await withStore { store, _ in
            var source = VectorSource(seed: 3)
            let items = (0..<300).map { item("v\($0)", source.next(8), #"{"user": "u\#($0 % 30)", "n": \#($0)}"#) }
            _ = try await store.upsert(UpsertRequest(tenant: "t", collection: "items", items: items))
            let hits = try await store.query(
                QueryRequest(tenant: "t", collection: "items", vector: source.next(8), topK: 10, whereJSON: #"{"user": "u7"}"#))
            #expect(hits.count == 10)
            #expect(hits.allSatisfy { $0.metadataJSON.contains(#""user":"u7""#) })
            let few = try await store.query(
                QueryRequest(
                    tenant: "t", collection: "items", vector: source.next(8), topK: 10,
                    whereJSON: #"{"$and": [{"user": "u7"}, {"n": {"$lt": 100}}]}"#))
            #expect(Set(few.map(\.id)) == ["v7", "v37", "v67", "v97"])
        }
    }

    @Test func upsertReplacesAndDeleteRemovesByIdOrFilter() async throws {
        try await withStore { store, _ in
            _ = try await store.upsert(
                UpsertRequest(
                    tenant: "t", collection: "items",
                    items: [
                        item("a", [1, 0], #"{"kind": "insight"}"#, document: "first"),
                        item("b", [0, 1], #"{"kind": "summary"}"#), item("c", [1, 1], #"{"kind": "insight"}"#),
                    ]))
            _ = try await store.upsert(
                UpsertRequest(tenant: "t", collection: "items", items: [item("a", [0, 1], #"{"kind": "summary"}"#, document: "second")]))
            let a = try await store.get(GetRequest(tenant: "t", collection: "items", ids: ["a", "missing"], includeVectors: true))
            #expect(a == [VectorItem(id: "a", vector: [0, 1], document: "second", metadataJSON: #"{"kind":"summary"}"#)])
            #expect(try await store.count(tenant: "t", collection: "items") == 3)
            #expect(try await store.delete(DeleteRequest(tenant: "t", collection: "items", whereJSON: #"{"kind": "summary"}"#)) == 2)
            #expect(try await store.get(GetRequest(tenant: "t", collection: "items")).map(\.id) == ["c"])
            #expect(try await store.delete(DeleteRequest(tenant: "t", collection: "items", ids: ["c", "c", "x"])) == 1)
            #expect(try await store.count(tenant: "t", collection: "items") == 0)
            #expect(try await store.deleteCollection(tenant: "t", name: "items"))
            #expect(try await !store.deleteCollection(tenant: "t", name: "items"))
            await #expect(throws: VectorStoreError.self) { try await store.count(tenant: "t", collection: "items") }
        }
    }

    @Test func aTenantNeverSeesAnotherTenantsItems() async throws {
        try await withStore { store, _ in
            _ = try await store.upsert(UpsertRequest(tenant: "alice", collection: "memory", items: [item("a", [1, 0])]))
            _ = try await store.upsert(UpsertRequest(tenant: "bob", collection: "memory", items: [item("b", [1, 0])]))
            let hits = try await store.query(QueryRequest(tenant: "bob", collection: "memory", vector: [1, 0], topK: 10))
            #expect(hits.map(\.id) == ["b"])
            #expect(try await store.collections(of: "bob").map(\.count) == [1])
            await #expect(throws: VectorStoreError.notFound("no collection memory for this tenant")) {
                try await store.query(QueryRequest(tenant: "carol", collection: "memory", vector: [1, 0]))
            }
        }
    }

    @Test func textIsEmbeddedAndACollectionKeepsItsEmbedder() async throws {
        try await withStore { store, _ in
            _ = try await store.upsert(
                UpsertRequest(
                    tenant: "t", collection: "memory",
                    items: [
                        VectorItem(id: "fund", document: "You started an emergency fund with $2,000"),
                        VectorItem(id: "card", document: "The Visa card charges 24.99% APR"),
                    ]))
            let info = try #require(try await store.collections(of: "t").first)
            #expect(info.dimension == 384 && info.embedder == HashedNGramEmbedder().identifier)
            let hits = try await store.query(QueryRequest(tenant: "t", collection: "memory", text: "my emergency fund", topK: 1))
            #expect(hits.map(\.id) == ["fund"])
            _ = try await store.upsert(UpsertRequest(tenant: "t", collection: "raw", items: [item("x", [1, 2, 3])]))
            await #expect(throws: VectorStoreError.self, "text into a collection of callers' vectors") {
                try await store.upsert(UpsertRequest(tenant: "t", collection: "raw", items: [VectorItem(id: "y", document: "hello")]))
            }
            await #expect(throws: VectorStoreError.self) {
                try await store.query(QueryRequest(tenant: "t", collection: "raw", text: "hello"))
            }
        }
    }

    @Test func everyBoundIsRefusedWithItsReasonAndNothingIsWritten() async throws {
        try await withStore { store, _ in
            _ = try await store.upsert(UpsertRequest(tenant: "t", collection: "items", items: [item("ok", [1, 2])]))
            let refused: [(UpsertRequest, String)] = [
                (UpsertRequest(tenant: "t", collection: "big", items: [item("a", [Float](repeating: 1, count: 4_097))]), "dimension"),
                (UpsertRequest(tenant: "t", collection: "items", items: (0...10_000).map { item("i\($0)", [1, 2]) }), "batch"),
                (UpsertRequest(tenant: "t", collection: "items", items: [item(String(repeating: "x", count: 257), [1, 2])]), "id"),
                (UpsertRequest(tenant: "t", collection: "items", items: [item("", [1, 2])]), "id"),
                (UpsertRequest(tenant: "t", collection: "items", items: [item("m", [1, 2], #"{"x": "\#(String(repeating: "y", count: 16_400))"}"#)]), "metadata"),
                (UpsertRequest(tenant: "t", collection: "items", items: [item("m", [1, 2], #"{"x": [1]}"#)]), "metadata"),
                (UpsertRequest(tenant: "t", collection: "items", items: [item("m", [1, 2], "[]")]), "metadata"),
                (UpsertRequest(tenant: "t", collection: "items", items: [item("d", [1, 2]), item("d", [2, 1])]), "twice"),
                (UpsertRequest(tenant: "t", collection: "items", items: [item("w", [1, 2, 3])]), "dimensions"),
                (UpsertRequest(tenant: "t", collection: "items", items: [item("n", [.nan, 1])]), "finite"),
                (UpsertRequest(tenant: "t", collection: "items", items: [VectorItem(id: "e")]), "neither"),
                (UpsertRequest(tenant: "", collection: "items", items: [item("a", [1, 2])]), "tenant"),
                (UpsertRequest(tenant: "t", collection: "items\u{0}", items: [item("a", [1, 2])]), "collection"),
                (UpsertRequest(tenant: "t", collection: "items", items: []), "batch"),
            ]
            for (request, reason) in refused {
                await #expect {
                    try await store.upsert(request)
                } throws: { error in
                    guard case VectorStoreError.invalidArgument(let message) = error else { return false }
                    return message.contains(reason)
                }
            }
            #expect(try await store.collections(of: "t").map(\.name) == ["items"])
            #expect(try await store.count(tenant: "t", collection: "items") == 1)
            await #expect(throws: VectorStoreError.self) {
                try await store.query(QueryRequest(tenant: "t", collection: "items", vector: [1, 2], topK: 1_001))
            }
            await #expect(throws: VectorStoreError.self, "deleting everything is DeleteCollection") {
                try await store.delete(DeleteRequest(tenant: "t", collection: "items"))
            }
        }
    }
}

@Suite("HNSW index")
struct HNSWIndexTests {
    func exact(_ index: CollectionIndex, _ query: [Float], k: Int, among: [Int]? = nil) -> [Int] {
        var scan = CollectionIndex(dimension: index.dimension, distance: index.distance, hnswThreshold: .max)
        for node in index.liveNodes {
            scan.upsert(id: index.ids[node], vector: Array(index.vector(at: node)), document: "", metadata: index.metadata[node])
        }
        let allowed = among.map { Set($0.map { index.ids[$0] }) }
        let candidates = allowed.map { ids in scan.liveNodes.filter { ids.contains(scan.ids[$0]) } }
        return scan.nearest(to: query, k: k, among: candidates).map { index.node(of: scan.ids[$0.node]) ?? -1 }
    }

    @Test(arguments: [VectorDistance.cosine, .l2])
    func recallAtTenIsAtLeastNinetyFivePercent(distance: VectorDistance) {
        var index = CollectionIndex(
            dimension: 32, distance: distance, hnswThreshold: 500, hnswParameters: .init(efConstruction: 60))
        var source = VectorSource(seed: 21)
        for node in 0..<2_000 { index.upsert(id: "v\(node)", vector: source.next(32), document: "", metadata: [:]) }
        #expect(index.usesGraph)
        var found = 0
        for _ in 0..<50 {
            let query = source.next(32)
            let truth = Set(exact(index, query, k: 10))
            found += index.nearest(to: query, k: 10, among: nil).filter { truth.contains($0.node) }.count
        }
        #expect(Double(found) / 500 >= 0.95, "recall@10 \(Double(found) / 500)")
    }

    @Test func filteredAndDeletedItemsAreHandledThroughTheGraph() {
        var index = CollectionIndex(dimension: 16, distance: .l2, hnswThreshold: 200)
        var source = VectorSource(seed: 8)
        for node in 0..<3_000 {
            index.upsert(id: "v\(node)", vector: source.next(16), document: "", metadata: ["group": .int(Int64(node % 5))])
        }
        for node in stride(from: 0, to: 3_000, by: 3) { index.delete(id: "v\(node)") }
        #expect(index.count == 2_000)
        let filter = try! #require(try MetadataFilter.parse(#"{"group": 2}"#))
        for _ in 0..<20 {
            let query = source.next(16)
            let hits = index.nearest(to: query, k: 10, among: nil)
            #expect(hits.count == 10 && hits.allSatisfy { index.node(of: index.ids[$0.node]) == $0.node }, "no retired node")
            let candidates = try! #require(index.matching(filter, documentContains: nil))
            let filtered = index.nearest(to: query, k: 10, among: candidates)
            #expect(filtered.count == 10)
            #expect(filtered.allSatisfy { index.metadata[$0.node]["group"] == .int(2) })
        }
        let few = try! #require(index.matching(try! MetadataFilter.parse(#"{"$and": [{"group": 2}, {"group": {"$in": [2]}}]}"#), documentContains: nil))
        #expect(index.nearest(to: source.next(16), k: 1_000, among: few).count == few.count, "k matching items give k hits")
    }

    @Test func replacedItemsAreFoundAtTheirNewVectorOnly() {
        var index = CollectionIndex(dimension: 4, distance: .l2, hnswThreshold: 10)
        for node in 0..<50 { index.upsert(id: "v\(node)", vector: [Float(node), 0, 0, 0], document: "", metadata: [:]) }
        index.upsert(id: "v0", vector: [100, 0, 0, 0], document: "moved", metadata: [:])
        let near = index.nearest(to: [0, 0, 0, 0], k: 1, among: nil)
        #expect(near.map { index.ids[$0.node] } == ["v1"])
        let far = index.nearest(to: [100, 0, 0, 0], k: 1, among: nil)
        #expect(far.map { index.documents[$0.node] } == ["moved"])
        #expect(index.count == 50)
    }

    @Test func mostlyRetiredStorageIsRebuiltDense() {
        var index = CollectionIndex(dimension: 4, distance: .dot, hnswThreshold: 100)
        var source = VectorSource(seed: 2)
        for round in 0..<3 {
            for node in 0..<600 {
                index.upsert(id: "v\(node)", vector: [Float(round)] + source.next(3), document: "", metadata: [:])
            }
        }
        #expect(index.count == 600)
        #expect(index.ids.count < 1_800, "retired nodes were dropped")
        #expect(index.liveNodes.allSatisfy { index.vector(at: $0).first == 2 })
        #expect(index.nearest(to: [1, 0, 0, 0], k: 5, among: nil).count == 5)
    }
}
