import StateGraph
import Testing

/// A state that records the nodes that ran, in order.
struct Trail: Sendable, Equatable {
    var visited: [String] = []
    var route = ""
    var answer = ""
}

/// Counts calls from concurrent nodes.
actor Counter {
    private(set) var counts: [String: Int] = [:]
    func bump(_ key: String) -> Int {
        counts[key, default: 0] += 1
        return counts[key] ?? 0
    }
}

/// Collects a run's events.
actor EventLog {
    private(set) var events: [GraphEvent] = []
    func record(_ event: GraphEvent) { events.append(event) }
}

struct Flaky: Error, Equatable { let retryable: Bool }

@Suite struct StateGraphRunTests {
    /// conversation ──route──▶ analysis | goals ──▶ update ──▶ END; conversation ──end──▶ END
    private static func coachShape(
        counter: Counter, goals: @escaping @Sendable (Trail, NodeContext) async throws -> NodeOutcome<Trail> = { trail, _ in
            var trail = trail
            trail.visited.append("goals")
            return .next(trail)
        }
    ) throws -> CompiledGraph<Trail> {
        var graph = StateGraph<Trail>()
        for name in ["conversation", "analysis", "update"] {
            graph.addNode(name) { trail, _ in
                _ = await counter.bump(name)
                var trail = trail
                trail.visited.append(name)
                return .next(trail)
            }
        }
        graph.addNode("goals", goals)
        graph.setEntryPoint("conversation")
        graph.addConditionalEdges(
            from: "conversation", routes: ["analyze": .node("analysis"), "goals": .node("goals"), "end": .end]
        ) { $0.route }
        graph.addEdge(from: "analysis", to: .node("update"))
        graph.addEdge(from: "goals", to: .node("update"))
        graph.addEdge(from: "update", to: .end)
        return try graph.compile(stepLimit: 10)
    }

    @Test func routesAndCheckpointsEveryStep() async throws {
        let graph = try Self.coachShape(counter: Counter())
        let checkpoints = InMemoryCheckpointer<Trail>()
        let events = EventLog()
        let run = try await graph.run(
            Trail(route: "analyze"), runID: "r1", checkpointer: checkpoints, events: { await events.record($0) })
        #expect(run.state.visited == ["conversation", "analysis", "update"])
        #expect(run.completion == .finished)
        #expect(run.steps == 3)
        let saved = await checkpoints.all(runID: "r1")
        #expect(saved.map(\.node) == ["conversation", "analysis", "update"])
        #expect(saved.map(\.next) == ["analysis", "update", nil])
        #expect(saved.map(\.status) == [.running, .running, .finished])
        let finishedNodes = await events.events.compactMap { event -> String? in
            if case .nodeFinished(let node, _, _) = event { node } else { nil }
        }
        #expect(finishedNodes == ["conversation", "analysis", "update"])
        #expect(await events.events.last == .finished(steps: 3))

        let ended = try await graph.run(Trail(route: "end"), runID: "r2", checkpointer: checkpoints)
        #expect(ended.state.visited == ["conversation"])
    }

    @Test func aRouteWithoutAnEdgeStopsTheRun() async throws {
        let graph = try Self.coachShape(counter: Counter())
        await #expect(throws: GraphRunError.self) {
            try await graph.run(Trail(route: "dance"), runID: "r", checkpointer: InMemoryCheckpointer<Trail>())
        }
    }

    @Test func theStepLimitStopsALoop() async throws {
        var graph = StateGraph<Int>()
        graph.addNode("spin") { count, _ in .next(count + 1) }
        graph.setEntryPoint("spin")
        graph.addConditionalEdges(from: "spin", routes: ["again": .node("spin"), "done": .end]) { _ in "again" }
        let compiled = try graph.compile(stepLimit: 5)
        let checkpoints = InMemoryCheckpointer<Int>()
        do {
            _ = try await compiled.run(0, runID: "loop", checkpointer: checkpoints)
            Issue.record("the loop ran forever")
        } catch let error as GraphRunError {
            #expect(error.code == .stepLimitExceeded)
        }
        #expect(await checkpoints.latest(runID: "loop")?.state == 5)
    }

    @Test func retriesOnlyRetryableErrors() async throws {
        let counter = Counter()
        var graph = StateGraph<Int>()
        let policy = NodePolicy(maxAttempts: 3, initialBackoff: .milliseconds(1)) { ($0 as? Flaky)?.retryable == true }
        graph.addNode("flaky", policy: policy) { value, _ in
            if await counter.bump("flaky") < 3 { throw Flaky(retryable: true) }
            return .next(value + 1)
        }
        graph.addNode("broken", policy: policy) { _, _ in
            _ = await counter.bump("broken")
            throw Flaky(retryable: false)
        }
        graph.setEntryPoint("flaky")
        graph.addEdge(from: "flaky", to: .node("broken"))
        graph.addEdge(from: "broken", to: .end)
        let events = EventLog()
        do {
            _ = try await graph.compile().run(
                0, runID: "r", checkpointer: InMemoryCheckpointer<Int>(), events: { await events.record($0) })
            Issue.record("the broken node did not stop the run")
        } catch let error as GraphRunError {
            #expect(error.code == .nodeFailed)
            #expect(error.node == "broken")
            #expect(error.underlying as? Flaky == Flaky(retryable: false))
        }
        #expect(await counter.counts == ["flaky": 3, "broken": 1])
        let retries = await events.events.filter { if case .nodeRetrying = $0 { true } else { false } }
        #expect(retries.count == 2)
    }

    @Test func aNodeOutlastingItsTimeoutIsCancelledAndRetriedWhenThePolicySaysSo() async throws {
        let counter = Counter()
        var graph = StateGraph<Int>()
        let policy = NodePolicy(timeout: .milliseconds(50), maxAttempts: 2, initialBackoff: .milliseconds(1)) {
            ($0 as? GraphRunError)?.code == .nodeTimedOut
        }
        graph.addNode("slow", policy: policy) { value, context in
            #expect(context.deadline != nil)
            if await counter.bump("slow") == 1 {
                try await Task.sleep(for: .seconds(60))
            }
            return .next(value + context.attempt)
        }
        graph.setEntryPoint("slow")
        graph.addEdge(from: "slow", to: .end)
        let run = try await graph.compile().run(0, runID: "r", checkpointer: InMemoryCheckpointer<Int>())
        #expect(run.state == 2)

        var never = StateGraph<Int>()
        never.addNode("stuck", policy: NodePolicy(timeout: .milliseconds(20))) { _, _ in
            try await Task.sleep(for: .seconds(60))
            return .next(0)
        }
        never.setEntryPoint("stuck")
        never.addEdge(from: "stuck", to: .end)
        do {
            _ = try await never.compile().run(0, runID: "r", checkpointer: InMemoryCheckpointer<Int>())
            Issue.record("the stuck node finished")
        } catch let error as GraphRunError {
            #expect(error.code == .nodeTimedOut)
        }
    }

    @Test func resumeAfterACrashRedoesNoFinishedNode() async throws {
        let counter = Counter()
        let crashOnce = Counter()
        let graph = try Self.coachShape(counter: counter) { trail, _ in
            if await crashOnce.bump("goals") == 1 { throw Flaky(retryable: false) }
            var trail = trail
            trail.visited.append("goals")
            return .next(trail)
        }
        let checkpoints = InMemoryCheckpointer<Trail>()
        await #expect(throws: GraphRunError.self) {
            try await graph.run(Trail(route: "goals"), runID: "crash", checkpointer: checkpoints)
        }
        let stopped = try #require(await checkpoints.latest(runID: "crash"))
        #expect(stopped.next == "goals")
        #expect(stopped.status == .running)

        let resumed = try await graph.resume(runID: "crash", checkpointer: checkpoints)
        #expect(resumed.state.visited == ["conversation", "goals", "update"])
        #expect(resumed.completion == .finished)
        #expect(await counter.counts == ["conversation": 1, "update": 1])

        let again = try await graph.resume(runID: "crash", checkpointer: checkpoints)
        #expect(again.state == resumed.state)
        #expect(await counter.counts == ["conversation": 1, "update": 1])
        await #expect(throws: GraphRunError.self) {
            try await graph.resume(runID: "never-ran", checkpointer: checkpoints)
        }
    }

    @Test func anInterruptPausesUntilResumedWithTheAnswer() async throws {
        let counter = Counter()
        let graph = try Self.coachShape(counter: counter) { trail, _ in
            var trail = trail
            guard !trail.answer.isEmpty else { return .interrupt(trail, reason: "confirm the goal") }
            trail.visited.append("goals:\(trail.answer)")
            return .next(trail)
        }
        let checkpoints = InMemoryCheckpointer<Trail>()
        let paused = try await graph.run(Trail(route: "goals"), runID: "ask", checkpointer: checkpoints)
        #expect(paused.completion == .interrupted(node: "goals", reason: "confirm the goal"))
        #expect(await checkpoints.latest(runID: "ask")?.status == .interrupted)

        let resumed = try await graph.resume(runID: "ask", checkpointer: checkpoints, patch: { $0.answer = "yes" })
        #expect(resumed.state.visited == ["conversation", "goals:yes", "update"])
        #expect(resumed.steps == 4)
        #expect(await counter.counts == ["conversation": 1, "update": 1])
    }

    @Test func theStepLimitCountsEachCallNotTheWholeRun() async throws {
        var graph = StateGraph<Int>()
        graph.addNode("ask") { value, _ in value % 2 == 0 ? .interrupt(value, reason: "answer") : .next(value) }
        graph.setEntryPoint("ask")
        graph.addEdge(from: "ask", to: .end)
        let compiled = try graph.compile(stepLimit: 2)
        let checkpoints = InMemoryCheckpointer<Int>()
        _ = try await compiled.run(0, runID: "long", checkpointer: checkpoints)
        for answer in [2, 4, 6, 8, 10] {
            let paused = try await compiled.resume(runID: "long", checkpointer: checkpoints, patch: { $0 = answer })
            #expect(paused.completion == .interrupted(node: "ask", reason: "answer"))
        }
        let done = try await compiled.resume(runID: "long", checkpointer: checkpoints, patch: { $0 = 11 })
        #expect(done.completion == .finished)
        #expect(done.steps == 7)
    }

    @Test func twoRunnersOfOneRunConflict() async throws {
        let checkpoints = InMemoryCheckpointer<Int>()
        try await checkpoints.save(GraphCheckpoint(runID: "r", step: 1, node: "a", next: "b", status: .running, state: 1))
        await #expect(throws: GraphRunError.self) {
            try await checkpoints.save(GraphCheckpoint(runID: "r", step: 1, node: "a", next: "b", status: .running, state: 2))
        }
    }
}
