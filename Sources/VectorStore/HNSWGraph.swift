import Foundation

/// A hierarchical navigable small-world graph (Malkov & Yashunin) over a collection's nodes: approximate
/// nearest neighbours in about logarithmic time. Nodes are the collection's node numbers; the graph asks
/// the collection for distances, so it holds no vectors. Deleted nodes stay in the graph as waypoints and
/// are never returned (the collection rebuilds the graph once they pile up).
struct HNSWGraph: Sendable {
    /// How the graph is built and searched.
    struct Parameters: Sendable, Equatable {
        /// Links per node on the upper layers (twice as many on the bottom one).
        var m = 16
        /// Candidates considered when linking a new node: higher builds a better graph, slower.
        var efConstruction = 100
        /// Candidates considered per query (at least k): higher finds more of the true nearest, slower.
        var efSearch = 64

        init(m: Int = 16, efConstruction: Int = 100, efSearch: Int = 64) {
            self.m = max(2, m)
            self.efConstruction = max(1, efConstruction)
            self.efSearch = max(1, efSearch)
        }
    }

    let parameters: Parameters
    /// Each node's links, per layer from the bottom.
    private var links: [[[Int32]]] = []
    private var entryPoint: Int32 = -1
    private var topLayer = -1
    private var random: UInt64
    private let levelFactor: Double

    init(parameters: Parameters, seed: UInt64 = 0x5EED) {
        self.parameters = parameters
        self.random = seed
        self.levelFactor = 1 / Double.log(Double(parameters.m))
    }

    var count: Int { links.count }

    /// Links node `node` (the next one: nodes are added in order, from 0) into the graph.
    /// - Parameter distance: the distance between two nodes.
    mutating func insert(_ node: Int, distance: (Int, Int) -> Float) {
        precondition(node == links.count, "nodes are added in order")
        let layer = randomLayer()
        links.append(Array(repeating: [], count: layer + 1))
        guard entryPoint >= 0 else {
            entryPoint = Int32(node)
            topLayer = layer
            return
        }
        func toNode(_ other: Int) -> Float { distance(node, other) }
        var nearest = [Candidate(node: entryPoint, distance: toNode(Int(entryPoint)))]
        if topLayer > layer {
            for current in stride(from: topLayer, to: layer, by: -1) {
                nearest = [greedyClosest(from: nearest[0], layer: current, distance: toNode)]
            }
        }
        for current in stride(from: min(layer, topLayer), through: 0, by: -1) {
            let candidates = searchLayer(
                from: nearest, layer: current, ef: parameters.efConstruction, distance: toNode, visitedCapacity: node)
            let chosen = selectNeighbours(candidates, limit: parameters.m, distance: distance)
            links[node][current] = chosen.map(\.node)
            let limit = current == 0 ? 2 * parameters.m : parameters.m
            for neighbour in chosen {
                let other = Int(neighbour.node)
                links[other][current].append(Int32(node))
                if links[other][current].count > limit {
                    let scored = links[other][current].map { Candidate(node: $0, distance: distance(other, Int($0))) }
                    links[other][current] = selectNeighbours(scored.sorted(), limit: limit, distance: distance).map(\.node)
                }
            }
            nearest = candidates
        }
        if layer > topLayer {
            topLayer = layer
            entryPoint = Int32(node)
        }
    }

    /// Up to `k` nodes closest to the query that `accept` takes (live, passing a filter), closest first.
    /// - Parameters:
    ///   - ef: candidates to consider (at least `k`).
    ///   - distance: the query's distance to a node.
    func search(k: Int, ef: Int, distance: (Int) -> Float, accept: (Int) -> Bool) -> [Candidate] {
        guard entryPoint >= 0, k > 0 else { return [] }
        var nearest = Candidate(node: entryPoint, distance: distance(Int(entryPoint)))
        if topLayer > 0 {
            for layer in stride(from: topLayer, to: 0, by: -1) {
                nearest = greedyClosest(from: nearest, layer: layer, distance: distance)
            }
        }
        let found = searchLayer(
            from: [nearest], layer: 0, ef: max(ef, k), distance: distance, visitedCapacity: links.count, accept: accept)
        return Array(found.prefix(k))
    }

    // MARK: - The algorithm's pieces

    struct Candidate: Comparable, Sendable {
        let node: Int32
        let distance: Float
        static func < (lhs: Candidate, rhs: Candidate) -> Bool {
            (lhs.distance, lhs.node) < (rhs.distance, rhs.node)
        }
    }

    private func greedyClosest(from start: Candidate, layer: Int, distance: (Int) -> Float) -> Candidate {
        var best = start
        var improved = true
        while improved {
            improved = false
            for neighbour in links[Int(best.node)][layer] {
                let candidate = Candidate(node: neighbour, distance: distance(Int(neighbour)))
                if candidate < best {
                    best = candidate
                    improved = true
                }
            }
        }
        return best
    }

    /// The `ef` nodes closest to the query reachable on `layer` from `entries`, closest first; with `accept`,
    /// only nodes it takes are returned, though every node is walked through.
    private func searchLayer(
        from entries: [Candidate], layer: Int, ef: Int, distance: (Int) -> Float, visitedCapacity: Int,
        accept: (Int) -> Bool = { _ in true }
    ) -> [Candidate] {
        var visited = [UInt64](repeating: 0, count: visitedCapacity / 64 + 1)
        func visit(_ node: Int32) -> Bool {
            let (word, bit) = (Int(node) >> 6, UInt64(1) << UInt64(node & 63))
            if visited[word] & bit != 0 { return false }
            visited[word] |= bit
            return true
        }
        var frontier = Heap<Candidate>(order: <)  // closest first
        var results = Heap<Candidate>(order: >)  // farthest first
        var farthestAccepted: Float { results.top?.distance ?? .infinity }
        for entry in entries where visit(entry.node) {
            frontier.push(entry)
            if accept(Int(entry.node)) { results.push(entry) }
        }
        while let closest = frontier.pop() {
            if results.count >= ef, closest.distance > farthestAccepted { break }
            for neighbour in links[Int(closest.node)][layer] where visit(neighbour) {
                let candidate = Candidate(node: neighbour, distance: distance(Int(neighbour)))
                guard results.count < ef || candidate.distance < farthestAccepted else { continue }
                frontier.push(candidate)
                if accept(Int(neighbour)) {
                    results.push(candidate)
                    if results.count > ef { _ = results.pop() }
                }
            }
        }
        return results.elements.sorted()
    }

    /// Up to `limit` of `candidates` (closest first), preferring ones not closer to an already chosen
    /// neighbour than to the new node: links that point different ways (the paper's heuristic).
    private func selectNeighbours(_ candidates: [Candidate], limit: Int, distance: (Int, Int) -> Float) -> [Candidate] {
        var chosen: [Candidate] = []
        var skipped: [Candidate] = []
        for candidate in candidates {
            guard chosen.count < limit else { break }
            let diverse = chosen.allSatisfy { distance(Int(candidate.node), Int($0.node)) > candidate.distance }
            if diverse { chosen.append(candidate) } else { skipped.append(candidate) }
        }
        for candidate in skipped where chosen.count < limit { chosen.append(candidate) }
        return chosen
    }

    private mutating func randomLayer() -> Int {
        random &+= 0x9E37_79B9_7F4A_7C15
        var z = random
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        let uniform = (Double(z >> 11) + 1) / Double(1 << 53)
        return min(16, Int(-Double.log(uniform) * levelFactor))
    }
}

/// A binary heap ordered by `order` (the top is the element `order` puts first).
struct Heap<Element>: Sendable where Element: Sendable {
    private(set) var elements: [Element] = []
    private let order: @Sendable (Element, Element) -> Bool

    init(order: @escaping @Sendable (Element, Element) -> Bool) { self.order = order }

    var count: Int { elements.count }
    var top: Element? { elements.first }

    mutating func push(_ element: Element) {
        elements.append(element)
        var child = elements.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard order(elements[child], elements[parent]) else { break }
            elements.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Element? {
        guard !elements.isEmpty else { return nil }
        elements.swapAt(0, elements.count - 1)
        let popped = elements.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var first = parent
            if left < elements.count, order(elements[left], elements[first]) { first = left }
            if right < elements.count, order(elements[right], elements[first]) { first = right }
            guard first != parent else { break }
            elements.swapAt(parent, first)
            parent = first
        }
        return popped
    }
}

extension Double {
    fileprivate static func log(_ value: Double) -> Double { Foundation.log(value) }
}
