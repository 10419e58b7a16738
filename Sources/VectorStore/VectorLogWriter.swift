import BridgeSupport
import PlutusWire

/// The store's log on a thread of its own: appends and their fsyncs block that thread, never the cooperative
/// pool the store's searches run on.
actor VectorLogWriter {
    private var log: VectorLog
    private let executor: ThreadExecutor
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(_ log: VectorLog) {
        self.log = log
        self.executor = ThreadExecutor(name: "plutus-vec-log")
    }

    deinit { executor.shutdown() }

    /// Appends `records` as one write, synced per the log's policy; returns the write-ahead log's size.
    func append(_ records: [VectorLogRecord]) throws -> UInt64 {
        try log.append(records)
        return log.walBytes
    }

    /// Replaces the snapshot with `records` and empties the write-ahead log.
    func compact(into records: [VectorLogRecord]) throws {
        try log.compact(into: records)
    }
}

/// Turns for the store's writes: one write at a time, in arrival order, from its checks against the state to
/// applying it; reads go on meanwhile.
struct WriteTurns {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Whether the caller may go now; otherwise it must wait with ``enqueue(_:)``.
    mutating func tryStart() -> Bool {
        guard !busy else { return false }
        busy = true
        return true
    }

    mutating func enqueue(_ continuation: CheckedContinuation<Void, Never>) { waiting.append(continuation) }

    /// Hands the turn to the next waiting write, if any.
    mutating func finish() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}
