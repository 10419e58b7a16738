/// When a run's checkpoints reach the checkpointer (LangGraph's `durability`).
public enum CheckpointDurability: Sendable, Hashable {
    /// Each step's checkpoint is saved before the next step starts: a run resumed after a crash
    /// never redoes a finished step.
    case sync
    /// Each step's checkpoint is saved while the next step runs, in order, and the run returns
    /// only once all are saved. A crash can lose the latest step's checkpoint, so a resume may
    /// redo that one step: choose it when steps are idempotent.
    case async
}

/// Saves a run's checkpoints in order, either at once or behind the next step.
final class CheckpointWriter<Checkpointer: GraphCheckpointer>: Sendable {
    private let checkpointer: Checkpointer
    private let durability: CheckpointDurability
    private let pending = PendingSave()

    init(_ checkpointer: Checkpointer, durability: CheckpointDurability) {
        self.checkpointer = checkpointer
        self.durability = durability
    }

    /// Saves `checkpoint` (`.sync`), or queues it behind the saves before it (`.async`); a
    /// queued save that failed surfaces in ``flush()``.
    func save(_ checkpoint: GraphCheckpoint<Checkpointer.State>) async throws {
        switch durability {
        case .sync:
            try await checkpointer.save(checkpoint)
        case .async:
            let checkpointer = checkpointer
            await pending.chain { try await checkpointer.save(checkpoint) }
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

    func chain(_ save: @escaping @Sendable () async throws -> Void) {
        let previous = last
        last = Task {
            try await previous?.value
            try await save()
        }
    }

    func wait() async throws {
        try await last?.value
    }
}
