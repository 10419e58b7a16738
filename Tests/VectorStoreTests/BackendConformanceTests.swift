import Foundation
import HTTPClient
import Logging
import PlutusWire
import Testing
@testable import VectorStore

/// The behaviour both backends must share, run against the embedded store and, when `CHROMA_URL` names a
/// running ChromaDB (deploy/local/chroma.sh, started by `make test`), against the Chroma backend.
enum Backends {
    static let chromaURL = ProcessInfo.processInfo.environment["CHROMA_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let all = ["embedded"] + (chromaURL == nil ? [] : ["chroma"])
    static let http = try! HTTPClient(logger: Logger(label: "plutus.tests.chroma"))

    /// A backend of `kind`, with the folder the embedded one keeps (removed by the caller).
    static func make(_ kind: String) throws -> (any VectorBackend, URL?) {
        if kind == "chroma", let chromaURL {
            return (try ChromaBackend(url: chromaURL, http: http), nil)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plutus-conformance-\(UUID().uuidString)")
        return (try VectorStore(configuration: .init(directory: directory, sync: "never")), directory)
    }

    static func with(_ kind: String, _ body: (any VectorBackend, String) async throws -> Void) async throws {
        let (backend, directory) = try make(kind)
        defer { directory.map { try? FileManager.default.removeItem(at: $0) } }
        try await body(backend, "tenant-\(UUID().uuidString.lowercased())")
    }
}

@Suite("Vector backends behave alike")
struct BackendConformanceTests {
    @Test(.disabled(if: Backends.chromaURL == nil, "ChromaDB is not running (deploy/local/chroma.sh could not install or start it): the Chroma backend is not tested"))
    func theChromaBackendIsUnderTest() async throws {
        let (backend, _) = try Backends.make("chroma")
        #expect(backend is ChromaBackend)
        #expect(try await backend.collections(of: "tenant-nobody-\(UUID().uuidString)").isEmpty, "the server answers")
    }

    @Test(arguments: Backends.all)
    func upsertGetReplaceAndCount(backend kind: String) async throws {
        try await Backends.with(kind) { backend, tenant in
            let items = [
                item("a", [1, 0, 0], #"{"kind": "insight", "n": 1}"#, document: "first"),
                item("b", [0, 1, 0], #"{"kind": "summary", "n": 2}"#, document: "second"),
                item("c", [0, 0, 1], #"{"kind": "insight", "n": 3}"#, document: "third"),
            ]
            #expect(try await backend.upsert(UpsertRequest(tenant: tenant, collection: "items", items: items, distance: .l2)) == 3)
            _ = try await backend.upsert(
                UpsertRequest(tenant: tenant, collection: "items", items: [item("a", [1, 1, 0], #"{"kind": "summary", "n": 1}"#, document: "again")]))
            #expect(try await backend.count(tenant: tenant, collection: "items") == 3)
            let got = try await backend.get(GetRequest(tenant: tenant, collection: "items", ids: ["a", "zzz"], includeVectors: true))
            #expect(got == [VectorItem(id: "a", vector: [1, 1, 0], document: "again", metadataJSON: #"{"kind":"summary","n":1}"#)])
            let summaries = try await backend.get(GetRequest(tenant: tenant, collection: "items", whereJSON: #"{"kind": "summary"}"#))
            #expect(Set(summaries.map(\.id)) == ["a", "b"])
            let collections = try await backend.collections(of: tenant)
            #expect(collections.map(\.name) == ["items"] && collections.first?.count == 3 && collections.first?.dimension == 3)
        }
    }

    @Test(arguments: Backends.all)
    func queriesRankByDistanceAndHonourFilters(backend kind: String) async throws {
        try await Backends.with(kind) { backend, tenant in
            var source = VectorSource(seed: 9)
            let items = (0..<60).map { item("v\($0)", source.next(8), #"{"group": \#($0 % 3), "label": "g\#($0 % 3)"}"#, document: "doc \($0)") }
            _ = try await backend.upsert(UpsertRequest(tenant: tenant, collection: "items", items: items, distance: .l2))
            let query = source.next(8)
            let hits = try await backend.query(QueryRequest(tenant: tenant, collection: "items", vector: query, topK: 5))
            let expected = items.map { ($0.id, zip($0.vector, query).reduce(Float(0)) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }) }
                .sorted { $0.1 < $1.1 }.prefix(5)
            #expect(hits.map(\.id) == expected.map(\.0))
            for (hit, truth) in zip(hits, expected) { #expect(abs(hit.distance - truth.1) < 1e-3) }
            let filtered = try await backend.query(
                QueryRequest(
                    tenant: tenant, collection: "items", vector: query, topK: 10,
                    whereJSON: #"{"$and": [{"group": {"$in": [1, 2]}}, {"label": {"$ne": "g2"}}]}"#))
            #expect(filtered.count == 10 && filtered.allSatisfy { $0.metadataJSON.contains(#""group":1"#) })
            let ranged = try await backend.query(
                QueryRequest(tenant: tenant, collection: "items", vector: query, topK: 100, whereJSON: #"{"group": {"$gte": 2}}"#))
            #expect(ranged.count == 20)
            let contains = try await backend.query(
                QueryRequest(tenant: tenant, collection: "items", vector: query, topK: 100, documentContains: "doc 5"))
            #expect(Set(contains.map(\.id)) == ["v5", "v50", "v51", "v52", "v53", "v54", "v55", "v56", "v57", "v58", "v59"])
        }
    }

    @Test(arguments: Backends.all)
    func deletesByIdAndFilterAndWholeCollections(backend kind: String) async throws {
        try await Backends.with(kind) { backend, tenant in
            let items = (0..<10).map { item("i\($0)", [Float($0), 1], #"{"even": \#($0 % 2 == 0)}"#) }
            _ = try await backend.upsert(UpsertRequest(tenant: tenant, collection: "items", items: items))
            #expect(try await backend.delete(DeleteRequest(tenant: tenant, collection: "items", ids: ["i1", "nope"])) == 1)
            #expect(try await backend.delete(DeleteRequest(tenant: tenant, collection: "items", whereJSON: #"{"even": true}"#)) == 5)
            #expect(try await backend.count(tenant: tenant, collection: "items") == 4)
            #expect(try await backend.deleteCollection(tenant: tenant, name: "items"))
            #expect(try await !backend.deleteCollection(tenant: tenant, name: "items"))
            await #expect(throws: VectorStoreError.self) { try await backend.count(tenant: tenant, collection: "items") }
        }
    }

    @Test(arguments: Backends.all)
    func tenantsAreApartAndTextIsEmbedded(backend kind: String) async throws {
        try await Backends.with(kind) { backend, tenant in
            let other = tenant + "-other"
            _ = try await backend.upsert(
                UpsertRequest(
                    tenant: tenant, collection: "memory",
                    items: [
                        VectorItem(id: "fund", document: "You started an emergency fund with $2,000"),
                        VectorItem(id: "card", document: "The Visa card charges 24.99% APR"),
                    ]))
            _ = try await backend.upsert(
                UpsertRequest(tenant: other, collection: "memory", items: [VectorItem(id: "theirs", document: "emergency fund")]))
            let hits = try await backend.query(QueryRequest(tenant: tenant, collection: "memory", text: "my emergency fund", topK: 5))
            #expect(hits.map(\.id) == ["fund", "card"])
            #expect(try await backend.collections(of: "tenant-nobody-\(UUID().uuidString)").isEmpty)
            await #expect(throws: VectorStoreError.self) {
                try await backend.query(QueryRequest(tenant: tenant + "-missing", collection: "memory", text: "fund"))
            }
        }
    }

    @Test(arguments: Backends.all)
    func boundsAndMalformedRequestsAreRefusedAlike(backend kind: String) async throws {
        try await Backends.with(kind) { backend, tenant in
            _ = try await backend.upsert(UpsertRequest(tenant: tenant, collection: "items", items: [item("ok", [1, 2])]))
            let refused: [UpsertRequest] = [
                UpsertRequest(tenant: tenant, collection: "items", items: [item(String(repeating: "x", count: 257), [1, 2])]),
                UpsertRequest(tenant: tenant, collection: "items", items: [item("w", [1, 2, 3])]),
                UpsertRequest(tenant: tenant, collection: "items", items: [item("m", [1, 2], "[1]")]),
                UpsertRequest(tenant: tenant, collection: "items", items: [VectorItem(id: "text", document: "into vectors")]),
                UpsertRequest(tenant: tenant, collection: "big", items: [item("a", [Float](repeating: 1, count: 4_097))]),
            ]
            for request in refused {
                await #expect(throws: VectorStoreError.self) { try await backend.upsert(request) }
            }
            await #expect(throws: VectorStoreError.self) {
                try await backend.query(QueryRequest(tenant: tenant, collection: "items", vector: [1, 2], whereJSON: #"{"x": {"$regex": "y"}}"#))
            }
            await #expect(throws: VectorStoreError.self) { try await backend.delete(DeleteRequest(tenant: tenant, collection: "items")) }
            #expect(try await backend.count(tenant: tenant, collection: "items") == 1)
            #expect(try await backend.collections(of: tenant).map(\.name) == ["items"])
        }
    }
}
