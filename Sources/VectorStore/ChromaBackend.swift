public import Foundation
public import HTTPClient
public import PlutusWire

/// `plutus.v1.VectorStore` answered by a ChromaDB server, through its v2 REST API over libcurl, for
/// deployments that outgrow one machine. A Plutus tenant is a Chroma tenant (made on first use) with one
/// database; a collection keeps Plutus's distance and embedder in its Chroma metadata. Requests are checked
/// by the same ``VectorRequestRules`` as the embedded store, documents are embedded here by the same
/// ``Embedder``, and answers take the same shape (metadata as sorted JSON, Chroma's distances: 1 − cosine,
/// 1 − dot, squared L2).
public struct ChromaBackend: VectorBackend {
    private let base: String
    private let database: String
    private let http: HTTPClient
    private let embedder: any Embedder
    private let rules: VectorRequestRules
    private let timeout: Duration

    /// - Parameters:
    ///   - url: the server, such as `http://chroma:8000`.
    ///   - database: the database made in each tenant.
    public init(
        url: String, database: String = "plutus", http: HTTPClient, embedder: any Embedder = HashedNGramEmbedder(),
        bounds: VectorStore.Bounds = .init(), timeout: Duration = .seconds(30)
    ) throws {
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
            throw VectorStoreError.invalidArgument("the ChromaDB URL must be http(s)://host[:port], not \(url)")
        }
        self.base = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.database = database
        self.http = http
        self.embedder = embedder
        self.rules = VectorRequestRules(bounds: bounds)
        self.timeout = timeout
    }

    // MARK: - VectorBackend

    public func upsert(_ request: UpsertRequest) async throws -> Int {
        try rules.checkUpsert(request)
        let collection = try await collectionForUpsert(request)
        let embeddings = try await rules.vectors(for: request.items, into: collection.described, embedder: embedder)
        let body: [String: Any] = [
            "ids": request.items.map(\.id),
            "embeddings": embeddings.map { $0.map(Double.init) },
            "documents": request.items.map(\.document),
            "metadatas": try request.items.map { item -> Any in
                let metadata = try MetadataJSON.parse(item.metadataJSON)
                return metadata.isEmpty ? NSNull() : metadata.mapValues(\.json)
            },
        ]
        _ = try await send(.post, collectionPath(request.tenant, collection.id) + "/upsert", body)
        return request.items.count
    }

    public func query(_ request: QueryRequest) async throws -> [QueryHit] {
        try rules.checkNames(request.tenant, request.collection)
        let k = try rules.topK(request.topK)
        let filter = try chromaWhere(request.whereJSON)
        let collection = try await existing(request.tenant, request.collection)
        let vector = try await rules.queryVector(request, in: collection.described, embedder: embedder)
        var body: [String: Any] = [
            "query_embeddings": [vector.map(Double.init)], "n_results": k,
            "include": ["documents", "metadatas", "distances"],
        ]
        if let filter { body["where"] = filter }
        if !request.documentContains.isEmpty { body["where_document"] = ["$contains": request.documentContains] }
        let answer = try await send(.post, collectionPath(request.tenant, collection.id) + "/query", body)
        let ids = (answer["ids"] as? [[String]])?.first ?? []
        let distances = (answer["distances"] as? [[Any]])?.first ?? []
        let documents = (answer["documents"] as? [[Any]])?.first ?? []
        let metadatas = (answer["metadatas"] as? [[Any]])?.first ?? []
        return ids.indices.map { index in
            QueryHit(
                id: ids[index], distance: Float((distances[safe: index] as? Double) ?? .nan),
                document: documents[safe: index] as? String ?? "", metadataJSON: Self.metadataJSON(metadatas[safe: index]))
        }
    }

    public func get(_ request: GetRequest) async throws -> [VectorItem] {
        try rules.checkNames(request.tenant, request.collection)
        let filter = try chromaWhere(request.whereJSON)
        let collection = try await existing(request.tenant, request.collection)
        var body: [String: Any] = ["include": request.includeVectors ? ["documents", "metadatas", "embeddings"] : ["documents", "metadatas"]]
        if !request.ids.isEmpty { body["ids"] = Array(NSOrderedSet(array: request.ids)) }
        if let filter { body["where"] = filter }
        if !request.documentContains.isEmpty { body["where_document"] = ["$contains": request.documentContains] }
        if request.limit > 0 { body["limit"] = Int(request.limit) }
        let answer = try await send(.post, collectionPath(request.tenant, collection.id) + "/get", body)
        let ids = answer["ids"] as? [String] ?? []
        let documents = answer["documents"] as? [Any] ?? []
        let metadatas = answer["metadatas"] as? [Any] ?? []
        let embeddings = answer["embeddings"] as? [Any] ?? []
        return ids.indices.map { index in
            VectorItem(
                id: ids[index],
                vector: (embeddings[safe: index] as? [Double])?.map(Float.init) ?? [],
                document: documents[safe: index] as? String ?? "", metadataJSON: Self.metadataJSON(metadatas[safe: index]))
        }
    }

    public func delete(_ request: DeleteRequest) async throws -> Int {
        let filter = try MetadataFilter.parse(request.whereJSON)
        try rules.checkDelete(request, filter: filter)
        let collection = try await existing(request.tenant, request.collection)
        let doomed = try await get(
            GetRequest(
                tenant: request.tenant, collection: request.collection, ids: request.ids, whereJSON: request.whereJSON,
                documentContains: request.documentContains))
        guard !doomed.isEmpty else { return 0 }
        _ = try await send(.post, collectionPath(request.tenant, collection.id) + "/delete", ["ids": doomed.map(\.id)])
        return doomed.count
    }

    public func count(tenant: String, collection: String) async throws -> Int {
        try rules.checkNames(tenant, collection)
        let info = try await existing(tenant, collection)
        let answer = try await sendRaw(.get, collectionPath(tenant, info.id) + "/count", nil)
        guard let count = Int(String(decoding: answer, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw VectorStoreError.unavailable("ChromaDB answered a count that is not a number")
        }
        return count
    }

    public func collections(of tenant: String) async throws -> [VectorCollection] {
        try rules.checkName(tenant, "tenant")
        let response = try await execute(HTTPRequest(method: .get, url: base + databasePath(tenant) + "/collections", timeout: timeout))
        if response.status == 404 { return [] }  // no such tenant or database yet
        guard (200..<300).contains(response.status) else { throw Self.failure(response) }
        let list = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [[String: Any]] ?? []
        var collections: [VectorCollection] = []
        for entry in list {
            guard let info = Self.collection(from: entry, tenant: tenant) else { continue }
            var described = info.described
            described.count = UInt64(try await count(tenant: tenant, collection: described.name))
            collections.append(described)
        }
        return collections.sorted { $0.name < $1.name }
    }

    public func deleteCollection(tenant: String, name: String) async throws -> Bool {
        try rules.checkNames(tenant, name)
        guard try await find(tenant, name) != nil else { return false }
        _ = try await sendRaw(.delete, databasePath(tenant) + "/collections/\(Self.escaped(name))", nil)
        return true
    }

    // MARK: - Collections

    /// A Chroma collection as Plutus describes it.
    struct ChromaCollection {
        let id: String
        let name: String
        let dimension: UInt32
        let distance: VectorDistance
        let embedder: String
        let tenant: String

        var described: VectorCollection {
            VectorCollection(tenant: tenant, name: name, dimension: dimension, distance: distance, embedder: embedder)
        }
    }

    static let spaces: [VectorDistance: String] = [.cosine: "cosine", .dot: "ip", .l2: "l2"]

    static func collection(from entry: [String: Any], tenant: String) -> ChromaCollection? {
        guard let id = entry["id"] as? String, let name = entry["name"] as? String else { return nil }
        let metadata = entry["metadata"] as? [String: Any] ?? [:]
        let space = metadata["hnsw:space"] as? String ?? "l2"
        return ChromaCollection(
            id: id, name: name, dimension: UInt32(metadata["plutus:dimension"] as? Int ?? entry["dimension"] as? Int ?? 0),
            distance: spaces.first { $0.value == space }?.key ?? .l2,
            embedder: metadata["plutus:embedder"] as? String ?? "", tenant: tenant)
    }

    private func existing(_ tenant: String, _ name: String) async throws -> ChromaCollection {
        guard let collection = try await find(tenant, name) else {
            throw VectorStoreError.notFound("no collection \(name) for this tenant")
        }
        return collection
    }

    /// The collection, or `nil` when it, its database or its tenant does not exist.
    private func find(_ tenant: String, _ name: String) async throws -> ChromaCollection? {
        let request = HTTPRequest(
            method: .get, url: base + databasePath(tenant) + "/collections/\(Self.escaped(name))", timeout: timeout)
        let response = try await execute(request)
        if response.status == 404 || (response.status == 400 && Self.says(response, "does not exist")) { return nil }
        guard (200..<300).contains(response.status) else { throw Self.failure(response) }
        let entry = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
        return Self.collection(from: entry, tenant: tenant)
    }

    private func collectionForUpsert(_ request: UpsertRequest) async throws -> ChromaCollection {
        if let existing = try await find(request.tenant, request.collection) { return existing }
        try await ensureTenant(request.tenant)
        let fromText = request.items.contains { $0.vector.isEmpty }
        let dimension =
            request.dimension > 0
            ? Int(request.dimension) : (fromText ? embedder.dimension : request.items.first?.vector.count ?? 0)
        try rules.checkDimension(dimension)
        let body: [String: Any] = [
            "name": request.collection, "get_or_create": true,
            "metadata": [
                "hnsw:space": Self.spaces[request.distance] ?? "cosine", "plutus:dimension": dimension,
                "plutus:embedder": fromText ? embedder.identifier : "",
            ],
        ]
        let entry = try await send(.post, databasePath(request.tenant) + "/collections", body)
        guard let collection = Self.collection(from: entry, tenant: request.tenant) else {
            throw VectorStoreError.unavailable("ChromaDB did not describe the collection it made")
        }
        return collection
    }

    /// Makes the tenant and its database; either may exist already (409).
    private func ensureTenant(_ tenant: String) async throws {
        let created = try await execute(
            HTTPRequest(method: .post, url: base + "/api/v2/tenants", headers: Self.json, body: try Self.body(["name": tenant]), timeout: timeout))
        guard (200..<300).contains(created.status) || created.status == 409 else { throw Self.failure(created) }
        let database = try await execute(
            HTTPRequest(
                method: .post, url: base + "/api/v2/tenants/\(Self.escaped(tenant))/databases", headers: Self.json,
                body: try Self.body(["name": database]), timeout: timeout))
        guard (200..<300).contains(database.status) || database.status == 409 else { throw Self.failure(database) }
    }

    // MARK: - HTTP

    private func databasePath(_ tenant: String) -> String {
        "/api/v2/tenants/\(Self.escaped(tenant))/databases/\(Self.escaped(database))"
    }

    private func collectionPath(_ tenant: String, _ id: String) -> String {
        databasePath(tenant) + "/collections/\(Self.escaped(id))"
    }

    private func send(_ method: HTTPRequest.Method, _ path: String, _ body: [String: Any]) async throws -> [String: Any] {
        let data = try await sendRaw(method, path, body)
        return (try? JSONSerialization.jsonObject(with: Data(data))) as? [String: Any] ?? [:]
    }

    private func sendRaw(_ method: HTTPRequest.Method, _ path: String, _ body: [String: Any]?) async throws -> [UInt8] {
        let request = HTTPRequest(
            method: method, url: base + path, headers: body == nil ? [:] : Self.json,
            body: try body.map(Self.body), timeout: timeout)
        let response = try await execute(request)
        guard (200..<300).contains(response.status) else { throw Self.failure(response) }
        return response.body
    }

    private func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            return try await http.execute(request)
        } catch {
            throw VectorStoreError.unavailable("ChromaDB did not answer: \(error)")
        }
    }

    private static let json: HTTPHeaders = ["content-type": "application/json"]

    private static func body(_ object: [String: Any]) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: object))
    }

    private static func says(_ response: HTTPResponse, _ text: String) -> Bool {
        String(decoding: response.body, as: UTF8.self).localizedCaseInsensitiveContains(text)
    }

    /// Chroma's refusal of a request as the store's: its 4xx are the caller's, the rest the server's.
    private static func failure(_ response: HTTPResponse) -> VectorStoreError {
        let detail = String(decoding: response.body.prefix(500), as: UTF8.self)
        return (400..<500).contains(response.status)
            ? .invalidArgument("ChromaDB refused the request (\(response.status)): \(detail)")
            : .unavailable("ChromaDB failed (\(response.status)): \(detail)")
    }

    private static func escaped(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? segment
    }

    /// The `where` to send: checked by our own parser first (Chroma's syntax; a bad filter is refused the same
    /// way as by the embedded store), then passed on as written; several fields become an explicit `$and`.
    private func chromaWhere(_ json: String) throws -> Any? {
        guard try MetadataFilter.parse(json) != nil,
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        else { return nil }
        guard object.count > 1 else { return object }
        return ["$and": object.sorted { $0.key < $1.key }.map { [$0.key: $0.value] }]
    }

    /// Chroma's metadata (an object, or null) as the store's JSON text.
    static func metadataJSON(_ value: Any?) -> String {
        guard let object = value as? [String: Any], !object.isEmpty,
            let data = try? JSONSerialization.data(withJSONObject: object),
            let metadata = try? MetadataJSON.parse(String(decoding: data, as: UTF8.self))
        else { return "" }
        return MetadataJSON.text(metadata)
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
