/// Runs at most one computation per key at a time: callers that ask for a key already being
/// computed wait for that computation's result instead of starting their own.
///
/// The computation runs in a task of its own, so one caller giving up (being cancelled) does not
/// fail the others waiting for it.
public actor SingleFlight<Key: Hashable & Sendable, Value: Sendable> {
    private var inFlight: [Key: Task<Value, any Error>] = [:]
    /// How many computations have started, for tests and metrics.
    public private(set) var started = 0

    public init() {}

    /// The result of `compute` for `key`, sharing a computation already running for it.
    public func run(_ key: Key, _ compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let running = inFlight[key] {
            return try await running.value
        }
        started += 1
        let task = Task { try await compute() }
        inFlight[key] = task
        defer { inFlight[key] = nil }
        return try await task.value
    }
}
