import StateGraph
import Testing

/// A checkpointer that takes its time, and can refuse one step.
actor SlowCheckpointer: GraphCheckpointer {
    typealias State = Int
    private let inner = InMemoryCheckpointer<Int>()
    private let refusedStep: Int?
    private(set) var inFlight = 0
    private(set) var mostInFlight = 0

    init(refusing step: Int? = nil) { refusedStep = step }

    func save(_ checkpoint: GraphCheckpoint<Int>) async throws {
        inFlight += 1
        mostInFlight = max(mostInFlight, inFlight)
        defer { inFlight -= 1 }
        try await Task.sleep(for: .milliseconds(5))
        if checkpoint.step == refusedStep { throw GraphRunError(code: .checkpointConflict, message: "refused") }
        try await inner.save(checkpoint)
    }

    func latest(runID: String) async throws -> GraphCheckpoint<Int>? { await inner.latest(runID: runID) }

    func all(runID: String) async -> [GraphCheckpoint<Int>] { await inner.all(runID: runID) }
}

@Suite struct CheckpointDurabilityTests {
    private func chain(_ durability: CheckpointDurability) throws -> CompiledGraph<Int> {
        var graph = StateGraph<Int>()
        for name in ["a", "b", "c"] { graph.addNode(name) { value, _ in .next(value + 1) } }
        graph.setEntryPoint("a")
        graph.addEdge(from: "a", to: .node("b"))
        graph.addEdge(from: "b", to: .node("c"))
        graph.addEdge(from: "c", to: .end)
        return try graph.compile(durability: durability)
    }

    @Test(arguments: [CheckpointDurability.sync, .async])
    func everyCheckpointIsSavedInOrderBeforeTheRunReturns(_ durability: CheckpointDurability) async throws {
        let checkpointer = SlowCheckpointer()
        let run = try await chain(durability).run(0, runID: "r", checkpointer: checkpointer)
        #expect(run.state == 3)
        let saved = await checkpointer.all(runID: "r")
        #expect(saved.map(\.step) == [1, 2, 3])
        #expect(saved.map(\.state) == [1, 2, 3])
        #expect(await checkpointer.mostInFlight == 1, "saves never overlap, so they land in order")
    }

    @Test func aNewRunGoesOnWhileItsFirstCheckpointIsSavedAndAResumeWaitsForIts() async throws {
        /// Saves in 50 ms; records when saves end and nodes start.
        actor Log: GraphCheckpointer {
            typealias State = Int
            private let inner = InMemoryCheckpointer<Int>()
            private(set) var entries: [String] = []
            func note(_ entry: String) { entries.append(entry) }
            func save(_ checkpoint: GraphCheckpoint<Int>) async throws {
                try await Task.sleep(for: .milliseconds(50))
                try await inner.save(checkpoint)
                entries.append("saved \(checkpoint.step)")
            }
            func latest(runID: String) async throws -> GraphCheckpoint<Int>? { await inner.latest(runID: runID) }
        }
        let log = Log()
        var graph = StateGraph<Int>()
        for name in ["a", "b", "c"] {
            graph.addNode(name) { value, _ in
                let earlier = await log.entries.filter { $0 == "start \(name)" }.count
                await log.note("start \(name)")
                if name == "b" && earlier == 0 { throw GraphRunError(code: .nodeFailed, message: "stopped once", node: name) }
                return .next(value + 1)
            }
        }
        graph.setEntryPoint("a")
        graph.addEdge(from: "a", to: .node("b"))
        graph.addEdge(from: "b", to: .node("c"))
        graph.addEdge(from: "c", to: .end)
        let compiled = try graph.compile(durability: .async)
        await #expect(throws: GraphRunError.self) { try await compiled.run(0, runID: "r", checkpointer: log) }
        // A new run: b started before a's checkpoint was saved.
        #expect(await log.entries == ["start a", "start b", "saved 1"])
        let resumed = try await compiled.resume(runID: "r", checkpointer: log)
        #expect(resumed.state == 3)
        // A resume: c starts only once the resume's first checkpoint (b's) is saved.
        #expect(await log.entries.suffix(4) == ["start b", "saved 2", "start c", "saved 3"])
    }

    @Test(arguments: [CheckpointDurability.sync, .async])
    func aFailedSaveFailsTheRun(_ durability: CheckpointDurability) async throws {
        let checkpointer = SlowCheckpointer(refusing: 2)
        await #expect(throws: GraphRunError.self) {
            try await chain(durability).run(0, runID: "r", checkpointer: checkpointer)
        }
        #expect(await checkpointer.all(runID: "r").map(\.step) == [1])
    }
}
