/// When a run's checkpoints reach the checkpointer (LangGraph's `durability`).
public enum CheckpointDurability: Sendable, Hashable {
    /// Each step's checkpoint is saved before the next step starts: a run resumed after a crash
    /// never redoes a finished step.
    case sync
    /// Each step's checkpoint is saved while the next step runs, in order, and the run returns
    /// only once all are saved (a resume still waits for its first, so two processes resuming
    /// one run cannot both go on; a new run has no such rival, since no one can find it before
    /// its first checkpoint). A crash can lose the latest step's checkpoint, so a resume may
    /// redo that one step: choose it when redoing a step does no harm.
    case async
}

/// Saves a run's checkpoints in order, either at once or behind the next step. The first save of
/// a resume is always waited for, so a conflict with another process resuming the same run stops
/// this one before its next step; a queued save that failed stops the run at its next save.
final class CheckpointWriter<Checkpointer: GraphCheckpointer>: Sendable {
    private let checkpointer: Checkpointer
    private let durability: CheckpointDurability
    private let pending: PendingSave

    /// - Parameter awaitsFirstSave: whether the first save is waited for even when `.async`: a
    ///   resume's is, a new run's need not be.
    init(_ checkpointer: Checkpointer, durability: CheckpointDurability, awaitsFirstSave: Bool) {
        self.checkpointer = checkpointer
        self.durability = durability
        self.pending = PendingSave(awaitsFirst: awaitsFirstSave)
    }

    func save(_ checkpoint: GraphCheckpoint<Checkpointer.State>) async throws {
        let checkpointer = checkpointer
        switch durability {
        case .sync:
            try await checkpointer.save(checkpoint)
        case .async:
            try await pending.chain(waiting: { try await checkpointer.save(checkpoint) })
        }
    }

    /// Waits for every queued save; throws the first that failed.
    func flush() async throws {
        try await pending.wait()
    }
}

/// The chain of queued saves: each starts after the one before it succeeded; after a failure
/// the rest fail with the same error.
private actor PendingSave {
    private var last: Task<Void, any Error>?
    private var failure: (any Error)?
    private var saves = 0
    private let awaitsFirst: Bool

    init(awaitsFirst: Bool) {
        self.awaitsFirst = awaitsFirst
    }

    /// Queues `save` behind the others (the first is awaited here when ``awaitsFirst``). Throws an
    /// earlier save's error.
    func chain(waiting save: @escaping @Sendable () async throws -> Void) async throws {
        if let failure { throw failure }
        saves += 1
        let previous = last
        let task = Task {
            try await previous?.value
            try await save()
        }
        last = task
        if saves == 1 && awaitsFirst {
            try await settle(task)
        } else {
            Task { try? await self.settle(task) }
        }
    }

    func wait() async throws {
        if let failure { throw failure }
        if let last { try await settle(last) }
    }

    private func settle(_ task: Task<Void, any Error>) async throws {
        do {
            try await task.value
        } catch {
            failure = failure ?? error
            throw error
        }
    }
}
