import FinanceEngine
public import Foundation
import Logging
public import PlutusWire
public import RPCCore
public import RPCTransport

/// Where a context's memories come from: things said before that bear on the person's situation.
public protocol MemorySource: Sendable {
    /// The memories of `userID` closest to `topic`.
    /// - Throws: when the source cannot answer; the context is then built without memories.
    /// - Parameter metadata: what the call carries on (the trace).
    func memories(of userID: String, about topic: String, metadata: RPCMetadata) async throws -> [Memory]

    /// Keeps `memories` for `userID` (a memory with a known id is replaced).
    /// - Throws: when the source cannot keep them.
    func remember(_ memories: [NewMemory], of userID: String, metadata: RPCMetadata) async throws
}

/// Something worth remembering about a person: an ended conversation's summary, an insight.
public struct NewMemory: Sendable, Equatable {
    /// Stable per memory (`conversation:<id>`, `insight:<id>`), so remembering again replaces it.
    public var id: String
    public var text: String
    /// `conversation` or `insight`.
    public var kind: String
    /// The day it happened, `YYYY-MM-DD`.
    public var date: String

    /// - Parameter day: when it happened; its UTC day is kept.
    public init(id: String, text: String, kind: String, on day: Date) {
        self.id = id
        self.text = text
        self.kind = kind
        self.date = CivilDate(utcDayOfSecondsSince1970: day.timeIntervalSince1970).description
    }
}

/// Memories from `plutus-vector` over RPC (`plutus.v1.VectorStore/Query`), with a short deadline:
/// a slow vector store must not hold up the context.
public struct VectorMemorySource: MemorySource {
    private let caller: any RPCCaller
    private let deadline: Duration
    private let count: UInt32

    public static let queryMethod = RPCMethod(service: "plutus.v1.VectorStore", method: "Query")
    public static let upsertMethod = RPCMethod(service: "plutus.v1.VectorStore", method: "Upsert")
    public static let collection = "memory"

    public init(caller: any RPCCaller, deadline: Duration = .milliseconds(250), count: UInt32 = 5) {
        self.caller = caller
        self.deadline = deadline
        self.count = count
    }

    public func memories(of userID: String, about topic: String, metadata: RPCMetadata) async throws -> [Memory] {
        let request = QueryRequest(tenant: userID, collection: Self.collection, text: topic, topK: count)
        let response: QueryResponse
        do {
            response = try await caller.unary(
                Self.queryMethod, request, as: QueryResponse.self, deadline: RPCDeadline(after: deadline),
                metadata: metadata)
        } catch let error as RPCError where error.code == .notFound {
            return []  // nothing remembered yet: the person's collection is made with their first memory
        }
        return response.hits.map { hit in
            Memory(id: hit.id, text: hit.document, distance: Double(hit.distance), kind: Self.kind(in: hit.metadataJSON))
        }
    }
}

extension VectorMemorySource {
    /// Upserts `memories` into the person's `memory` collection (their tenant), embedded by the store, with
    /// `user_id`, `kind` and `date` metadata.
    public func remember(_ memories: [NewMemory], of userID: String, metadata: RPCMetadata) async throws {
        guard !memories.isEmpty else { return }
        let items = memories.map { memory in
            VectorItem(
                id: memory.id, document: memory.text,
                metadataJSON: Self.metadataJSON(["user_id": userID, "kind": memory.kind, "date": memory.date]))
        }
        let request = UpsertRequest(tenant: userID, collection: Self.collection, items: items)
        _ = try await caller.unary(
            Self.upsertMethod, request, as: UpsertResponse.self, deadline: RPCDeadline(after: .seconds(2)),
            metadata: metadata)
    }

    static func metadataJSON(_ fields: [String: String]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The `kind` a memory's metadata names (a summary, an insight), or "" when it names none.
    static func kind(in metadataJSON: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(metadataJSON.utf8)) as? [String: Any] else {
            return ""
        }
        return object["kind"] as? String ?? ""
    }
}

/// No memory at all: for deployments without a vector store, and for tests.
public struct NoMemories: MemorySource {
    public init() {}
    public func memories(of userID: String, about topic: String, metadata: RPCMetadata) async throws -> [Memory] { [] }
    public func remember(_ memories: [NewMemory], of userID: String, metadata: RPCMetadata) async throws {}
}
