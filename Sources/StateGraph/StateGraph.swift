/// A graph of async nodes over a typed state, in the manner of LangGraph's `StateGraph`: add
/// nodes and edges, then ``compile(stepLimit:)`` checks the shape and gives the runnable graph.
///
/// ```swift
/// var graph = StateGraph<Turn>()
/// graph.addNode("conversation") { turn, _ in .next(try await classify(turn)) }
/// graph.addNode("analysis") { turn, _ in .next(try await analyse(turn)) }
/// graph.setEntryPoint("conversation")
/// graph.addConditionalEdges(from: "conversation", routes: ["analyze": .node("analysis"), "end": .end]) { $0.route }
/// graph.addEdge(from: "analysis", to: .end)
/// let compiled = try graph.compile()
/// ```
public struct StateGraph<State: Sendable>: Sendable {
    /// The name a node may not take: the graph's end.
    public static var endName: String { "END" }

    private var nodes: [GraphNodeDefinition<State>] = []
    private var edges: [(from: String, edge: GraphEdge<State>)] = []
    private var entryPoint: String?

    public init() {}

    /// Adds a node that runs `body` under `policy`.
    public mutating func addNode(
        _ name: String, policy: NodePolicy = .default,
        _ body: @escaping @Sendable (State, NodeContext) async throws -> NodeOutcome<State>
    ) {
        nodes.append(GraphNodeDefinition(name: name, policy: policy, run: body))
    }

    /// Names the node every run starts at.
    public mutating func setEntryPoint(_ name: String) {
        entryPoint = name
    }

    /// After `from`, always go to `target`.
    public mutating func addEdge(from: String, to target: GraphTarget) {
        edges.append((from, .direct(target)))
    }

    /// After `from`, ask `router` for a route name and go where `routes` maps it.
    /// A name missing from `routes` stops the run with ``GraphRunError/Code/missingRoute``.
    public mutating func addConditionalEdges(
        from: String, routes: [String: GraphTarget], router: @escaping @Sendable (State) -> String
    ) {
        edges.append((from, .conditional(routes: routes, router: router)))
    }

    /// Checks the graph and returns its runnable form, taking at most `stepLimit` steps a run and
    /// saving checkpoints with `durability`.
    /// - Throws: ``GraphValidationError`` for a missing entry point, duplicate or reserved node
    ///   names, edges from or to unknown nodes, a node without a way out (or with two), empty
    ///   routes, or a node no path reaches.
    public func compile(
        stepLimit: Int = 25, durability: CheckpointDurability = .sync
    ) throws(GraphValidationError) -> CompiledGraph<State> {
        guard stepLimit >= 1 else { throw GraphValidationError(code: .invalidStepLimit, message: "step limit \(stepLimit)") }
        let byName = try namedNodes()
        guard let entryPoint, byName[entryPoint] != nil else {
            throw GraphValidationError(code: .noEntryPoint, message: "set an entry point that names a node")
        }
        let edgeByNode = try outgoingEdges(knownNodes: byName)
        try checkReachability(from: entryPoint, nodes: byName, edges: edgeByNode)
        return CompiledGraph(
            nodes: byName, edges: edgeByNode, entryPoint: entryPoint, stepLimit: stepLimit, durability: durability)
    }

    private func namedNodes() throws(GraphValidationError) -> [String: GraphNodeDefinition<State>] {
        var byName: [String: GraphNodeDefinition<State>] = [:]
        for node in nodes {
            guard node.name != Self.endName, !node.name.isEmpty else {
                throw GraphValidationError(code: .reservedName, message: "a node cannot be named '\(node.name)'")
            }
            guard byName.updateValue(node, forKey: node.name) == nil else {
                throw GraphValidationError(code: .duplicateNode, message: "two nodes are named '\(node.name)'")
            }
        }
        return byName
    }

    private func outgoingEdges(
        knownNodes: [String: GraphNodeDefinition<State>]
    ) throws(GraphValidationError) -> [String: GraphEdge<State>] {
        var edgeByNode: [String: GraphEdge<State>] = [:]
        for (from, edge) in edges {
            guard knownNodes[from] != nil else {
                throw GraphValidationError(code: .unknownNode, message: "an edge leaves '\(from)', which is not a node")
            }
            if case .conditional(let routes, _) = edge, routes.isEmpty {
                throw GraphValidationError(code: .emptyRoutes, message: "the conditional edge from '\(from)' has no routes")
            }
            for case .node(let name) in edge.targets where knownNodes[name] == nil {
                throw GraphValidationError(code: .danglingEdge, message: "'\(from)' leads to '\(name)', which is not a node")
            }
            guard edgeByNode.updateValue(edge, forKey: from) == nil else {
                throw GraphValidationError(code: .duplicateEdge, message: "'\(from)' has more than one way out")
            }
        }
        for name in knownNodes.keys.sorted() where edgeByNode[name] == nil {
            throw GraphValidationError(code: .missingRoute, message: "'\(name)' has no edge out")
        }
        return edgeByNode
    }

    private func checkReachability(
        from entryPoint: String, nodes: [String: GraphNodeDefinition<State>], edges: [String: GraphEdge<State>]
    ) throws(GraphValidationError) {
        var reached: Set<String> = [entryPoint]
        var frontier = [entryPoint]
        while let name = frontier.popLast() {
            for case .node(let next) in edges[name]?.targets ?? [] where reached.insert(next).inserted {
                frontier.append(next)
            }
        }
        if let unreachable = nodes.keys.sorted().first(where: { !reached.contains($0) }) {
            throw GraphValidationError(code: .unreachableNode, message: "no path from '\(entryPoint)' reaches '\(unreachable)'")
        }
    }
}
