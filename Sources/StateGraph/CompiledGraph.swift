/// A checked graph, ready to run: step by step, a checkpoint after each step, resumable.
public struct CompiledGraph<State: Sendable>: Sendable {
    /// Receives the run's ``GraphEvent``s as they happen.
    public typealias EventSink = @Sendable (GraphEvent) async -> Void

    /// How a run ended: at END, or paused by a node for the person's answer.
    public enum Completion: Sendable, Hashable {
        case finished
        case interrupted(node: String, reason: String)
    }

    /// A run's outcome: its final (or paused) state, how it ended, and the steps it has taken in all.
    public struct Run: Sendable {
        public let runID: String
        public let state: State
        public let completion: Completion
        public let steps: Int
    }

    let nodes: [String: GraphNodeDefinition<State>]
    let edges: [String: GraphEdge<State>]
    /// The node every run starts at.
    public let entryPoint: String
    /// The most steps one call of ``run(_:runID:checkpointer:events:)`` or a resume may take
    /// (LangGraph's recursion limit): a loop stops, a long conversation of resumes does not.
    public let stepLimit: Int
    /// When checkpoints are saved: before the next step, or while it runs.
    public let durability: CheckpointDurability

    /// Starts run `runID` from the entry point with `state`.
    /// - Throws: ``GraphRunError``; whatever finished before the error is checkpointed.
    public func run<Checkpointer: GraphCheckpointer<State>>(
        _ state: State, runID: String, checkpointer: Checkpointer, events: @escaping EventSink = { _ in }
    ) async throws -> Run {
        try await execute(from: entryPoint, state: state, afterStep: 0, runID: runID, isResume: false, checkpointer, events)
    }

    /// Continues run `runID` from its latest checkpoint: the next node of a run interrupted
    /// between two steps (a crash), or, for a run a node paused, that node again with the state
    /// `patch` gave it (the person's answer). With `.sync` durability no finished node runs
    /// again; with `.async`, the one whose checkpoint the crash lost does. A finished run is
    /// returned as it ended.
    /// - Throws: ``GraphRunError`` (``GraphRunError/Code/runNotFound`` without a checkpoint).
    public func resume<Checkpointer: GraphCheckpointer<State>>(
        runID: String, checkpointer: Checkpointer, events: @escaping EventSink = { _ in },
        patch: @Sendable (inout State) -> Void = { _ in }
    ) async throws -> Run {
        guard let checkpoint = try await checkpointer.latest(runID: runID) else {
            throw GraphRunError(code: .runNotFound, message: "no checkpoint for run \(runID)")
        }
        guard let next = checkpoint.next, checkpoint.status != .finished else {
            return Run(runID: runID, state: checkpoint.state, completion: .finished, steps: checkpoint.step)
        }
        var state = checkpoint.state
        if checkpoint.status == .interrupted {
            patch(&state)
        }
        return try await execute(
            from: next, state: state, afterStep: checkpoint.step, runID: runID, isResume: true, checkpointer, events)
    }

    /// Runs steps from `start`, then waits until every checkpoint is saved (whatever ended the run).
    private func execute<Checkpointer: GraphCheckpointer<State>>(
        from start: String, state initial: State, afterStep: Int, runID: String, isResume: Bool,
        _ checkpointer: Checkpointer, _ events: @escaping EventSink
    ) async throws -> Run {
        // A resume's first save is always waited for: a second process resuming the same run
        // fails there, before it does anything the first has done. A new run cannot have such a
        // rival (runs are found by their checkpoints), so with `.async` its first save need not wait.
        let writer = CheckpointWriter(checkpointer, durability: durability, awaitsFirstSave: isResume)
        let run: Run
        do {
            run = try await steps(from: start, state: initial, afterStep: afterStep, runID: runID, writer, events)
        } catch {
            try? await writer.flush()
            throw error
        }
        try await writer.flush()
        return run
    }

    private func steps<Checkpointer: GraphCheckpointer<State>>(
        from start: String, state initial: State, afterStep: Int, runID: String,
        _ checkpointer: CheckpointWriter<Checkpointer>, _ events: @escaping EventSink
    ) async throws -> Run {
        var state = initial
        var current = start
        var step = afterStep
        while true {
            step += 1
            guard step - afterStep <= stepLimit else {
                throw GraphRunError(code: .stepLimitExceeded, message: "more than \(stepLimit) steps", node: current)
            }
            guard let node = nodes[current] else {
                throw GraphRunError(code: .missingRoute, message: "no node named '\(current)'", node: current)
            }
            let started = ContinuousClock.now
            let outcome = try await NodeRunner(node: node, runID: runID, step: step, events: events).run(state)
            if case .interrupt(let paused, let reason) = outcome {
                try await checkpointer.save(
                    GraphCheckpoint(
                        runID: runID, step: step, node: current, next: current, status: .interrupted,
                        interruptReason: reason, state: paused))
                await events(.interrupted(node: current, step: step, reason: reason))
                return Run(runID: runID, state: paused, completion: .interrupted(node: current, reason: reason), steps: step)
            }
            state = outcome.state
            let target = try self.target(after: current, in: state)
            let nextName: String? = if case .node(let name) = target { name } else { nil }
            try await checkpointer.save(
                GraphCheckpoint(
                    runID: runID, step: step, node: current, next: nextName,
                    status: nextName == nil ? .finished : .running, state: state))
            await events(.nodeFinished(node: current, step: step, duration: ContinuousClock.now - started))
            guard let nextName else {
                await events(.finished(steps: step))
                return Run(runID: runID, state: state, completion: .finished, steps: step)
            }
            current = nextName
        }
    }

    /// Where the run goes after `node`, asking its router when the edge is conditional.
    func target(after node: String, in state: State) throws -> GraphTarget {
        switch edges[node] {
        case .direct(let target):
            return target
        case .conditional(let routes, let router):
            let route = router(state)
            guard let target = routes[route] else {
                throw GraphRunError(code: .missingRoute, message: "the router chose '\(route)', which has no edge", node: node)
            }
            return target
        case nil:
            throw GraphRunError(code: .missingRoute, message: "no edge out", node: node)
        }
    }
}
