import PlutusWire

/// One collection's items, held for exact search: vectors side by side in one `Float` array (slot `i` at
/// `i * dimension`, as given), ids, documents, metadata and (for cosine) inverse norms in slot order, and each
/// id's slot. A delete moves the last item into the freed slot, so the storage stays dense.
struct CollectionIndex: Sendable {
    /// One search result: the item's slot and its distance.
    struct Hit: Sendable {
        let slot: Int
        let distance: Float
    }

    let dimension: Int
    let distance: VectorDistance
    private(set) var vectors: [Float] = []
    private(set) var ids: [String] = []
    private(set) var documents: [String] = []
    private(set) var metadata: [Metadata] = []
    /// 1 / |vector| per slot (0 for a zero vector): cosine distance without normalizing each time.
    private var inverseNorms: [Float] = []
    private var slots: [String: Int] = [:]

    init(dimension: Int, distance: VectorDistance) {
        self.dimension = dimension
        self.distance = distance
    }

    var count: Int { ids.count }

    func slot(of id: String) -> Int? { slots[id] }

    func vector(at slot: Int) -> ArraySlice<Float> { vectors[slot * dimension..<(slot + 1) * dimension] }

    /// Adds the item, or replaces the one with its id. `vector` must have ``dimension`` elements.
    mutating func upsert(id: String, vector: [Float], document: String, metadata: Metadata) {
        let inverseNorm = Self.inverseNorm(vector)
        if let slot = slots[id] {
            vectors.replaceSubrange(slot * dimension..<(slot + 1) * dimension, with: vector)
            documents[slot] = document
            self.metadata[slot] = metadata
            inverseNorms[slot] = inverseNorm
            return
        }
        slots[id] = ids.count
        ids.append(id)
        vectors.append(contentsOf: vector)
        documents.append(document)
        self.metadata.append(metadata)
        inverseNorms.append(inverseNorm)
    }

    /// Removes the item with `id`; whether it was there.
    @discardableResult
    mutating func delete(id: String) -> Bool {
        guard let slot = slots.removeValue(forKey: id) else { return false }
        let last = ids.count - 1
        if slot != last {
            ids[slot] = ids[last]
            documents[slot] = documents[last]
            metadata[slot] = metadata[last]
            inverseNorms[slot] = inverseNorms[last]
            vectors.replaceSubrange(slot * dimension..<(slot + 1) * dimension, with: vectors[last * dimension..<(last + 1) * dimension])
            slots[ids[slot]] = slot
        }
        ids.removeLast()
        documents.removeLast()
        metadata.removeLast()
        inverseNorms.removeLast()
        vectors.removeLast(dimension)
        return true
    }

    /// The slots passing `filter` and containing `documentContains` (nil: every slot).
    func matching(_ filter: MetadataFilter?, documentContains: String?) -> [Int]? {
        guard filter != nil || documentContains != nil else { return nil }
        return ids.indices.filter { slot in
            (filter?.matches(metadata[slot]) ?? true)
                && (documentContains.map { documents[slot].contains($0) } ?? true)
        }
    }

    /// The `k` items closest to `query` among `candidates` (nil: all), closest first; ties by slot.
    func nearest(to query: [Float], k: Int, among candidates: [Int]?) -> [Hit] {
        let query = distance == .cosine ? Self.normalized(query) : query
        var best: [Hit] = []
        best.reserveCapacity(k + 1)
        func consider(_ slot: Int) {
            let distance = self.distance(query, slot)
            guard best.count < k || distance < best[best.count - 1].distance else { return }
            let at = best.firstIndex { distance < $0.distance } ?? best.count
            best.insert(Hit(slot: slot, distance: distance), at: at)
            if best.count > k { best.removeLast() }
        }
        guard k > 0 else { return [] }
        if let candidates { candidates.forEach(consider) } else { ids.indices.forEach(consider) }
        return best
    }

    private func distance(_ query: [Float], _ slot: Int) -> Float {
        vectors.withUnsafeBufferPointer { all in
            query.withUnsafeBufferPointer { query in
                let base = slot * dimension
                switch distance {
                case .l2:
                    var sum: Float = 0
                    for index in 0..<dimension {
                        let difference = all[base + index] - query[index]
                        sum += difference * difference
                    }
                    return sum
                case .cosine, .dot, .unrecognized:
                    var dot: Float = 0
                    for index in 0..<dimension { dot += all[base + index] * query[index] }
                    return 1 - (distance == .cosine ? dot * inverseNorms[slot] : dot)
                }
            }
        }
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
