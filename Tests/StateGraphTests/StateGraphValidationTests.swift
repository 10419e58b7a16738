import StateGraph
import Testing

/// `compile()` refuses every malformed shape with its own code.
@Suite struct StateGraphValidationTests {
    private static func node(_ graph: inout StateGraph<Int>, _ name: String) {
        graph.addNode(name) { state, _ in .next(state + 1) }
    }

    private func expectInvalid(_ code: GraphValidationError.Code, _ build: (inout StateGraph<Int>) -> Void) {
        var graph = StateGraph<Int>()
        build(&graph)
        #expect(throws: GraphValidationError.self) { try graph.compile() }
        do {
            _ = try graph.compile()
        } catch {
            #expect(error.code == code, "\(error)")
        }
    }

    @Test func aWellFormedGraphCompiles() throws {
        var graph = StateGraph<Int>()
        Self.node(&graph, "a")
        Self.node(&graph, "b")
        graph.setEntryPoint("a")
        graph.addConditionalEdges(from: "a", routes: ["more": .node("b"), "done": .end]) { $0 > 5 ? "done" : "more" }
        graph.addEdge(from: "b", to: .end)
        let compiled = try graph.compile(stepLimit: 4)
        #expect(compiled.entryPoint == "a")
        #expect(compiled.stepLimit == 4)
    }

    @Test func withoutAnEntryPoint() {
        expectInvalid(.noEntryPoint) { graph in
            Self.node(&graph, "a")
            graph.addEdge(from: "a", to: .end)
        }
        expectInvalid(.noEntryPoint) { graph in
            Self.node(&graph, "a")
            graph.setEntryPoint("nowhere")
            graph.addEdge(from: "a", to: .end)
        }
    }

    @Test func duplicateAndReservedNames() {
        expectInvalid(.duplicateNode) { graph in
            Self.node(&graph, "a")
            Self.node(&graph, "a")
            graph.setEntryPoint("a")
            graph.addEdge(from: "a", to: .end)
        }
        expectInvalid(.reservedName) { graph in
            Self.node(&graph, "END")
            graph.setEntryPoint("END")
        }
    }

    @Test func danglingEdgesAndEdgesFromNowhere() {
        expectInvalid(.danglingEdge) { graph in
            Self.node(&graph, "a")
            graph.setEntryPoint("a")
            graph.addEdge(from: "a", to: .node("ghost"))
        }
        expectInvalid(.danglingEdge) { graph in
            Self.node(&graph, "a")
            graph.setEntryPoint("a")
            graph.addConditionalEdges(from: "a", routes: ["x": .end, "y": .node("ghost")]) { _ in "x" }
        }
        expectInvalid(.unknownNode) { graph in
            Self.node(&graph, "a")
            graph.setEntryPoint("a")
            graph.addEdge(from: "a", to: .end)
            graph.addEdge(from: "ghost", to: .end)
        }
    }

    @Test func aNodeWithoutAWayOutOrWithTwo() {
        expectInvalid(.missingRoute) { graph in
            Self.node(&graph, "a")
            Self.node(&graph, "b")
            graph.setEntryPoint("a")
            graph.addEdge(from: "a", to: .node("b"))
        }
        expectInvalid(.duplicateEdge) { graph in
            Self.node(&graph, "a")
            graph.setEntryPoint("a")
            graph.addEdge(from: "a", to: .end)
            graph.addConditionalEdges(from: "a", routes: ["x": .end]) { _ in "x" }
        }
        expectInvalid(.emptyRoutes) { graph in
            Self.node(&graph, "a")
            graph.setEntryPoint("a")
            graph.addConditionalEdges(from: "a", routes: [:]) { _ in "x" }
        }
    }

    @Test func unreachableNodes() {
        expectInvalid(.unreachableNode) { graph in
            Self.node(&graph, "a")
            Self.node(&graph, "island")
            graph.setEntryPoint("a")
            graph.addEdge(from: "a", to: .end)
            graph.addEdge(from: "island", to: .end)
        }
    }

    @Test func aStepLimitBelowOne() {
        var graph = StateGraph<Int>()
        Self.node(&graph, "a")
        graph.setEntryPoint("a")
        graph.addEdge(from: "a", to: .end)
        #expect(throws: GraphValidationError.self) { try graph.compile(stepLimit: 0) }
    }
}
