/// The state of a run after one of its steps: what a checkpointer stores and a resume starts from.
public struct GraphCheckpoint<State: Sendable>: Sendable {
    /// Where the run stands.
    public enum Status: String, Sendable, Hashable {
        /// Between two steps: ``next`` runs when the run is resumed.
        case running
        /// A node paused for the person's answer: ``next`` (that node) runs again on resume.
        case interrupted
        /// The run reached END.
        case finished
    }

    public let runID: String
    /// The step just completed, from 1.
    public let step: Int
    /// The node that step ran.
    public let node: String
    /// The node to run next; `nil` once finished.
    public let next: String?
    public let status: Status
    /// Why the node paused, when ``status`` is `.interrupted`.
    public let interruptReason: String?
    public let state: State

    public init(
        runID: String, step: Int, node: String, next: String?, status: Status, interruptReason: String? = nil,
        state: State
    ) {
        self.runID = runID
        self.step = step
        self.node = node
        self.next = next
        self.status = status
        self.interruptReason = interruptReason
        self.state = state
    }
}

/// Keeps checkpoints, so a run outlives the process that started it.
public protocol GraphCheckpointer<State>: Sendable {
    associatedtype State: Sendable

    /// Stores the checkpoint of one step. A second checkpoint for the same run and step is an
    /// error (two processes running one run).
    func save(_ checkpoint: GraphCheckpoint<State>) async throws

    /// The run's latest checkpoint, or `nil` for a run never checkpointed.
    func latest(runID: String) async throws -> GraphCheckpoint<State>?
}

/// Checkpoints in memory: for tests and for graphs that need no resume across processes.
public actor InMemoryCheckpointer<State: Sendable>: GraphCheckpointer {
    private var runs: [String: [GraphCheckpoint<State>]] = [:]

    public init() {}

    public func save(_ checkpoint: GraphCheckpoint<State>) throws {
        if runs[checkpoint.runID]?.contains(where: { $0.step == checkpoint.step }) == true {
            throw GraphRunError(code: .checkpointConflict, message: "run \(checkpoint.runID) already has step \(checkpoint.step)")
        }
        runs[checkpoint.runID, default: []].append(checkpoint)
    }

    public func latest(runID: String) -> GraphCheckpoint<State>? {
        runs[runID]?.max { $0.step < $1.step }
    }

    /// Every checkpoint of the run, oldest first.
    public func all(runID: String) -> [GraphCheckpoint<State>] { runs[runID] ?? [] }
}
