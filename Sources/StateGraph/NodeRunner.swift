/// Runs one node for one step under its policy: the timeout on each attempt, and retries with
/// doubling backoff for the errors the policy calls retryable.
struct NodeRunner<State: Sendable>: Sendable {
    let node: GraphNodeDefinition<State>
    let runID: String
    let step: Int
    let events: CompiledGraph<State>.EventSink

    func run(_ state: State) async throws -> NodeOutcome<State> {
        var backoff = node.policy.initialBackoff
        for attempt in 1... {
            await events(.nodeStarted(node: node.name, step: step, attempt: attempt))
            do {
                return try await attemptOnce(state, attempt: attempt)
            } catch {
                try Task.checkCancellation()
                guard attempt < node.policy.maxAttempts, node.policy.isRetryable(error) else {
                    throw failure(error)
                }
                await events(
                    .nodeRetrying(node: node.name, step: step, attempt: attempt, error: "\(error)", backoff: backoff))
                try await Task.sleep(for: backoff)
                backoff *= 2
            }
        }
        preconditionFailure("unreachable: the loop above returns or throws")
    }

    private func attemptOnce(_ state: State, attempt: Int) async throws -> NodeOutcome<State> {
        guard let timeout = node.policy.timeout else {
            return try await node.run(state, context(attempt: attempt, deadline: nil))
        }
        let deadline = ContinuousClock.now + timeout
        let context = context(attempt: attempt, deadline: deadline)
        return try await withThrowingTaskGroup(of: NodeOutcome<State>.self) { group in
            group.addTask { try await node.run(state, context) }
            group.addTask {
                try await Task.sleep(until: deadline, clock: .continuous)
                throw GraphRunError(
                    code: .nodeTimedOut, message: "an attempt took longer than \(timeout)", node: node.name)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else {
                throw GraphRunError(code: .nodeFailed, message: "the attempt vanished", node: node.name)
            }
            return first
        }
    }

    private func context(attempt: Int, deadline: ContinuousClock.Instant?) -> NodeContext {
        NodeContext(runID: runID, node: node.name, step: step, attempt: attempt, deadline: deadline)
    }

    private func failure(_ error: any Error) -> any Error {
        if let error = error as? GraphRunError { return error }
        if error is CancellationError { return error }
        return GraphRunError(code: .nodeFailed, message: "\(error)", node: node.name, underlying: error)
    }
}
