public import PlutusWire

/// What every backend checks before it touches anything: the store's ``VectorStore/Bounds`` and the shape of
/// each request. A refusal names the rule it broke.
struct VectorRequestRules: Sendable {
    let bounds: VectorStore.Bounds

    func checkNames(_ tenant: String, _ collection: String) throws {
        try checkName(tenant, "tenant")
        try checkCollectionName(collection)
    }

    /// ChromaDB's rule, kept by both backends so a deployment can move between them: 3 to 128 letters, digits,
    /// `.`, `_` or `-`, starting and ending with a letter or digit.
    func checkCollectionName(_ name: String) throws {
        let scalars = Array(name.unicodeScalars)
        func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        guard (3...min(128, bounds.maximumNameBytes)).contains(scalars.count),
            scalars.allSatisfy({ isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }),
            let first = scalars.first, let last = scalars.last, isAlphanumeric(first), isAlphanumeric(last)
        else {
            throw VectorStoreError.invalidArgument(
                "a collection name is 3 to 128 letters, digits, '.', '_' or '-', starting and ending with a letter or digit")
        }
    }

    func checkName(_ name: String, _ what: String) throws {
        guard !name.isEmpty, name.utf8.count <= bounds.maximumNameBytes,
            !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw VectorStoreError.invalidArgument(
                "a \(what) name is 1 to \(bounds.maximumNameBytes) bytes without control characters")
        }
    }

    /// Names, batch size, ids (present, bounded, once each), metadata (a bounded JSON object of scalars) and
    /// vectors (finite) or documents to embed.
    func checkUpsert(_ request: UpsertRequest) throws {
        try checkNames(request.tenant, request.collection)
        guard !request.items.isEmpty, request.items.count <= bounds.maximumBatch else {
            throw VectorStoreError.invalidArgument(
                "a batch holds 1 to \(bounds.maximumBatch) items, not \(request.items.count)")
        }
        if request.dimension > 0 { try checkDimension(Int(request.dimension)) }
        if case .unrecognized(let value) = request.distance {
            throw VectorStoreError.invalidArgument("unknown distance \(value)")
        }
        var seen = Set<String>()
        for item in request.items {
            try checkID(item.id)
            guard seen.insert(item.id).inserted else {
                throw VectorStoreError.invalidArgument("id \(item.id) is in the batch twice")
            }
            guard item.metadataJSON.utf8.count <= bounds.maximumMetadataBytes else {
                throw VectorStoreError.invalidArgument(
                    "the metadata of \(item.id) is over \(bounds.maximumMetadataBytes) bytes")
            }
            _ = try MetadataJSON.parse(item.metadataJSON)
            guard item.vector.allSatisfy(\.isFinite) else {
                throw VectorStoreError.invalidArgument("the vector of \(item.id) has a value that is not finite")
            }
            guard !item.vector.isEmpty || !item.document.isEmpty else {
                throw VectorStoreError.invalidArgument("\(item.id) has neither a vector nor a document to embed")
            }
            if !item.vector.isEmpty { try checkDimension(item.vector.count) }
        }
    }

    func checkDimension(_ dimension: Int) throws {
        guard (1...bounds.maximumDimension).contains(dimension) else {
            throw VectorStoreError.invalidArgument("a dimension is 1 to \(bounds.maximumDimension), not \(dimension)")
        }
    }

    /// `topK` as a count (0: 10).
    func topK(_ topK: UInt32) throws -> Int {
        let k = topK == 0 ? 10 : Int(topK)
        guard k <= bounds.maximumTopK else { throw VectorStoreError.invalidArgument("top_k is at most \(bounds.maximumTopK)") }
        return k
    }

    /// A delete names ids or a filter: deleting everything is DeleteCollection.
    func checkDelete(_ request: DeleteRequest, filter: MetadataFilter?) throws {
        try checkNames(request.tenant, request.collection)
        guard !request.ids.isEmpty || filter != nil || !request.documentContains.isEmpty else {
            throw VectorStoreError.invalidArgument("name ids or a filter: deleting everything is DeleteCollection")
        }
    }

    /// One vector per item: its own, or its document embedded by `embedder`, which must be the one that filled
    /// the collection; each of the collection's dimension.
    func vectors(
        for items: [VectorItem], into collection: VectorCollection, embedder: any Embedder
    ) async throws -> [[Float]] {
        let texts = items.filter(\.vector.isEmpty).map(\.document)
        if !texts.isEmpty { try checkText(for: collection, embedder: embedder) }
        var embedded = try await embedder.embed(texts).makeIterator()
        return try items.map { item in
            let vector = item.vector.isEmpty ? embedded.next() ?? [] : item.vector
            guard vector.count == Int(collection.dimension) else {
                throw VectorStoreError.invalidArgument(
                    "\(item.id) has \(vector.count) dimensions; collection \(collection.name) has \(collection.dimension)")
            }
            return vector
        }
    }

    /// The query's vector, or its text embedded by `embedder` (the collection's own), of the collection's dimension.
    func queryVector(_ request: QueryRequest, in collection: VectorCollection, embedder: any Embedder) async throws -> [Float] {
        let vector: [Float]
        if !request.vector.isEmpty {
            vector = request.vector
        } else if !request.text.isEmpty {
            try checkText(for: collection, embedder: embedder)
            vector = try await embedder.embed([request.text]).first ?? []
        } else {
            throw VectorStoreError.invalidArgument("a query needs a vector or a text")
        }
        guard vector.count == Int(collection.dimension), vector.allSatisfy(\.isFinite) else {
            throw VectorStoreError.invalidArgument(
                "the query has \(vector.count) finite dimensions; collection \(collection.name) has \(collection.dimension)")
        }
        return vector
    }

    /// Text goes only into a collection `embedder` filled: never mixed with another embedder's, or callers' vectors.
    private func checkText(for collection: VectorCollection, embedder: any Embedder) throws {
        guard collection.embedder == embedder.identifier else {
            let filled = collection.embedder.isEmpty ? "vectors given by callers" : "vectors from \(collection.embedder)"
            throw VectorStoreError.invalidArgument("collection \(collection.name) holds \(filled); send vectors, not text")
        }
    }

    private func checkID(_ id: String) throws {
        guard !id.isEmpty, id.utf8.count <= bounds.maximumIDBytes else {
            throw VectorStoreError.invalidArgument("an id is 1 to \(bounds.maximumIDBytes) bytes, not \(id.utf8.count)")
        }
    }
}

/// Where `plutus.v1.VectorStore` calls are answered: the embedded ``VectorStore``, or a ChromaDB server
/// (``ChromaBackend``). Both apply the same ``VectorRequestRules`` and answer the same way.
public protocol VectorBackend: Sendable {
    /// Adds or replaces the items, creating the collection when it is missing; returns how many.
    func upsert(_ request: UpsertRequest) async throws -> Int
    /// The top-k items closest to the request's vector (or its text, embedded) that pass its filters.
    func query(_ request: QueryRequest) async throws -> [QueryHit]
    /// Items by id and/or filter.
    func get(_ request: GetRequest) async throws -> [VectorItem]
    /// Deletes items by id and/or filter; returns how many went.
    func delete(_ request: DeleteRequest) async throws -> Int
    func count(tenant: String, collection: String) async throws -> Int
    /// The tenant's collections, by name, with their counts.
    func collections(of tenant: String) async throws -> [VectorCollection]
    /// Deletes the collection; whether it existed.
    func deleteCollection(tenant: String, name: String) async throws -> Bool
}
