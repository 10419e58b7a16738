public import PlutusWire
public import RPCCore
public import RPCTransport

/// `plutus.v1.VectorStore` over RPC: every method of the store, and the statuses its refusals become
/// (INVALID_ARGUMENT with the reason, NOT_FOUND, UNAVAILABLE when a write could not be logged).
public enum VectorStoreRPC {
    public static let service = "plutus.v1.VectorStore"
    public static let upsert = RPCMethod(service: service, method: "Upsert")
    public static let query = RPCMethod(service: service, method: "Query")
    public static let get = RPCMethod(service: service, method: "Get")
    public static let delete = RPCMethod(service: service, method: "Delete")
    public static let count = RPCMethod(service: service, method: "Count")
    public static let listCollections = RPCMethod(service: service, method: "ListCollections")
    public static let deleteCollection = RPCMethod(service: service, method: "DeleteCollection")

    /// Registers the methods of `store` (embedded or ChromaDB) on `router`.
    public static func register(_ store: any VectorBackend, on router: inout RPCRouter) {
        router.register(upsert) { (request: UpsertRequest, _) -> UpsertResponse in
            try await answering { UpsertResponse(upserted: UInt32(try await store.upsert(request))) }
        }
        router.register(query) { (request: QueryRequest, _) -> QueryResponse in
            try await answering { QueryResponse(hits: try await store.query(request)) }
        }
        router.register(get) { (request: GetRequest, _) -> GetResponse in
            try await answering { GetResponse(items: try await store.get(request)) }
        }
        router.register(delete) { (request: DeleteRequest, _) -> DeleteResponse in
            try await answering { DeleteResponse(deleted: UInt32(try await store.delete(request))) }
        }
        router.register(count) { (request: CountRequest, _) -> CountResponse in
            try await answering {
                CountResponse(count: UInt64(try await store.count(tenant: request.tenant, collection: request.collection)))
            }
        }
        router.register(listCollections) { (request: ListCollectionsRequest, _) -> ListCollectionsResponse in
            try await answering { ListCollectionsResponse(collections: try await store.collections(of: request.tenant)) }
        }
        router.register(deleteCollection) { (request: DeleteCollectionRequest, _) -> DeleteCollectionResponse in
            try await answering {
                DeleteCollectionResponse(
                    deleted: try await store.deleteCollection(tenant: request.tenant, name: request.collection))
            }
        }
    }

    private static func answering<Result>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as VectorStoreError {
            switch error {
            case .invalidArgument(let reason): throw RPCError(code: .invalidArgument, message: reason)
            case .notFound(let reason): throw RPCError(code: .notFound, message: reason)
            case .unavailable(let reason): throw RPCError(code: .unavailable, message: reason)
            }
        }
    }
}
