import PlutusWire

/// One collection's items. Each item version is a node: its vector side by side with the others in one
/// `Float` array (node `n` at `n * dimension`, as given), with its id, document, metadata and (for cosine)
/// inverse norm. Replacing or deleting an item retires its node; once retired nodes outnumber live ones the
/// storage is rebuilt densely.
///
/// Search is exact below ``hnswThreshold`` live items. From there an ``HNSWGraph`` answers, except where a
/// filter leaves few candidates (those are scanned exactly), and a filtered graph search that finds fewer
/// than k falls back to the exact scan, so k matching items always give k hits.
struct CollectionIndex: Sendable {
    /// One search result: the item's node and its distance.
    struct Hit: Sendable {
        let node: Int
        let distance: Float
    }

    let dimension: Int
    let distance: VectorDistance
    let hnswThreshold: Int
    let hnswParameters: HNSWGraph.Parameters
    private(set) var vectors: [Float] = []
    private(set) var ids: [String] = []
    private(set) var documents: [String] = []
    private(set) var metadata: [Metadata] = []
    /// 1 / |vector| per node (0 for a zero vector): cosine distance without normalizing each time.
    private var inverseNorms: [Float] = []
    private var live: [Bool] = []
    private var nodes: [String: Int] = [:]
    /// For each metadata field, the nodes (retired ones too) holding each value: equality filters read these
    /// instead of every item's metadata.
    private var postings: [String: [PostingKey: [Int]]] = [:]
    private var graph: HNSWGraph?

    init(
        dimension: Int, distance: VectorDistance, hnswThreshold: Int = 10_000,
        hnswParameters: HNSWGraph.Parameters = .init()
    ) {
        self.dimension = dimension
        self.distance = distance
        self.hnswThreshold = hnswThreshold
        self.hnswParameters = hnswParameters
    }

    /// Live items.
    var count: Int { nodes.count }
    var usesGraph: Bool { graph != nil }

    func node(of id: String) -> Int? { nodes[id] }

    /// Live nodes, oldest first.
    var liveNodes: [Int] { live.indices.filter { live[$0] } }

    func vector(at node: Int) -> ArraySlice<Float> { vectors[node * dimension..<(node + 1) * dimension] }

    /// Adds the item, or replaces the one with its id. `vector` must have ``dimension`` elements.
    mutating func upsert(id: String, vector: [Float], document: String, metadata: Metadata) {
        if let old = nodes[id] { live[old] = false }
        let node = ids.count
        nodes[id] = node
        ids.append(id)
        vectors.append(contentsOf: vector)
        documents.append(document)
        self.metadata.append(metadata)
        inverseNorms.append(Self.inverseNorm(vector))
        live.append(true)
        for (field, value) in metadata { postings[field, default: [:]][PostingKey(value), default: []].append(node) }
        if graph != nil {
            link(node)
        } else if count >= hnswThreshold {
            rebuild()
        }
        compactIfMostlyRetired()
    }

    /// Removes the item with `id`; whether it was there.
    @discardableResult
    mutating func delete(id: String) -> Bool {
        guard let node = nodes.removeValue(forKey: id) else { return false }
        live[node] = false
        compactIfMostlyRetired()
        return true
    }

    /// The live nodes passing `filter` and containing `documentContains` (nil: no filter at all).
    func matching(_ filter: MetadataFilter?, documentContains: String?) -> [Int]? {
        guard filter != nil || documentContains != nil else { return nil }
        let scanned = filter.flatMap(indexedCandidates) ?? liveNodes
        return scanned.filter { node in
            (filter?.matches(metadata[node]) ?? true) && (documentContains.map { documents[node].contains($0) } ?? true)
        }
    }

    /// The live nodes that can match `filter` by its required values, from the smallest posting list; `nil`
    /// when it requires none.
    private func indexedCandidates(_ filter: MetadataFilter) -> [Int]? {
        let lists = filter.requiredValues.map { field, values -> [Int] in
            let byValue = postings[field] ?? [:]
            let nodes = Set(values.map(PostingKey.init)).flatMap { byValue[$0] ?? [] }
            return values.count == 1 ? nodes : nodes.sorted()
        }
        guard let smallest = lists.min(by: { $0.count < $1.count }) else { return nil }
        return smallest.filter { live[$0] }
    }

    /// The `k` items closest to `query` among `candidates` (nil: all), closest first.
    func nearest(to query: [Float], k: Int, among candidates: [Int]?) -> [Hit] {
        guard k > 0 else { return [] }
        let query = distance == .cosine ? Self.normalized(query) : query
        if let graph, candidates.map({ $0.count > max(k, hnswParameters.efSearch) * 8 }) ?? true {
            let allowed: Set<Int>? = candidates.map(Set.init)
            let found = graph.search(
                k: k, ef: max(hnswParameters.efSearch, k), distance: { self.distance(query, $0) },
                accept: { node in self.live[node] && (allowed?.contains(node) ?? true) })
            if found.count >= min(k, candidates?.count ?? count) {
                return found.map { Hit(node: Int($0.node), distance: $0.distance) }
            }
        }
        return exactNearest(to: query, k: k, among: candidates ?? liveNodes)
    }

    /// Every candidate scored, the best `k` kept.
    private func exactNearest(to query: [Float], k: Int, among candidates: [Int]) -> [Hit] {
        var best = Heap<HNSWGraph.Candidate>(order: >)
        for node in candidates {
            let candidate = HNSWGraph.Candidate(node: Int32(node), distance: distance(query, node))
            if best.count < k {
                best.push(candidate)
            } else if let worst = best.top, candidate < worst {
                _ = best.pop()
                best.push(candidate)
            }
        }
        return best.elements.sorted().map { Hit(node: Int($0.node), distance: $0.distance) }
    }

    // MARK: - Distances

    private func distance(_ query: [Float], _ node: Int) -> Float {
        query.withUnsafeBufferPointer { query in
            vectors.withUnsafeBufferPointer { all in
                measure(query.baseAddress!, all.baseAddress! + node * dimension, inverseNorm: inverseNorms[node])
            }
        }
    }

    private func distance(between first: Int, and second: Int) -> Float {
        vectors.withUnsafeBufferPointer { all in
            let base = all.baseAddress!
            let inverse = distance == .cosine ? inverseNorms[first] * inverseNorms[second] : 1
            return measure(base + first * dimension, base + second * dimension, inverseNorm: inverse)
        }
    }

    /// The distance between two vectors of ``dimension`` floats; `inverseNorm` scales a cosine's dot product.
    private func measure(_ lhs: UnsafePointer<Float>, _ rhs: UnsafePointer<Float>, inverseNorm: Float) -> Float {
        var lanes = SIMD8<Float>()
        var index = 0
        if distance == .l2 {
            while index + 8 <= dimension {
                let difference = UnsafeRawPointer(lhs + index).loadUnaligned(as: SIMD8<Float>.self)
                    - UnsafeRawPointer(rhs + index).loadUnaligned(as: SIMD8<Float>.self)
                lanes += difference * difference
                index += 8
            }
            var sum = lanes.sum()
            while index < dimension {
                let difference = lhs[index] - rhs[index]
                sum += difference * difference
                index += 1
            }
            return sum
        }
        while index + 8 <= dimension {
            lanes += UnsafeRawPointer(lhs + index).loadUnaligned(as: SIMD8<Float>.self)
                * UnsafeRawPointer(rhs + index).loadUnaligned(as: SIMD8<Float>.self)
            index += 8
        }
        var dot = lanes.sum()
        while index < dimension {
            dot += lhs[index] * rhs[index]
            index += 1
        }
        return 1 - (distance == .cosine ? dot * inverseNorm : dot)
    }

    // MARK: - Upkeep

    private mutating func link(_ node: Int) {
        // Taken out while it grows, so the only reference to its storage is this one (no copy per insert).
        guard var graph else { return }
        self.graph = nil
        graph.insert(node) { distance(between: $0, and: $1) }
        self.graph = graph
    }

    /// Builds the graph over every node (retired ones too, as waypoints).
    private mutating func rebuild() {
        var graph = HNSWGraph(parameters: hnswParameters)
        for node in ids.indices { graph.insert(node) { distance(between: $0, and: $1) } }
        self.graph = graph
    }

    /// Once retired nodes outnumber live ones (and there are enough to matter), keeps only live ones.
    private mutating func compactIfMostlyRetired() {
        let retired = ids.count - count
        guard retired > max(1_024, count) else { return }
        var dense = CollectionIndex(
            dimension: dimension, distance: distance, hnswThreshold: hnswThreshold, hnswParameters: hnswParameters)
        for node in liveNodes {
            dense.upsert(id: ids[node], vector: Array(vector(at: node)), document: documents[node], metadata: metadata[node])
        }
        self = dense
    }

    static func normalized(_ vector: [Float]) -> [Float] {
        let inverse = inverseNorm(vector)
        return inverse > 0 ? vector.map { $0 * inverse } : vector
    }

    static func inverseNorm(_ vector: [Float]) -> Float {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? 1 / norm : 0
    }
}

/// A metadata value as the postings index keys it: numbers by value, so `1` and `1.0` share a list.
private enum PostingKey: Hashable, Sendable {
    case string(String)
    case number(Double)
    case bool(Bool)

    init(_ value: MetadataValue) {
        switch value {
        case .string(let text): self = .string(text)
        case .int(let number): self = .number(Double(number))
        case .double(let number): self = .number(number)
        case .bool(let flag): self = .bool(flag)
        }
    }
}
