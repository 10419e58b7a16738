import BenchmarkSupport

/// One side of the comparison, the floor or the RPC: an echo measured sequentially and under load.
protocol EchoBenchmark: Sendable {
    /// `calls` round trips, one at a time, over the first connection.
    func sequential(calls: Int) async throws -> LatencySamples

    /// As many round trips as fit in `duration` with `inFlight` outstanding, spread over the first
    /// `connections` connections.
    func throughput(inFlight: Int, connections: Int, for duration: Duration) async throws -> Throughput

    /// Closes the clients and the server.
    func close() async
}

/// Calls completed in a wall-clock interval.
struct Throughput: Sendable {
    let calls: Int
    let elapsed: Duration

    var callsPerSecond: Double { Double(calls) / max(elapsed.seconds, 1e-9) }
}

/// How many of `total` go to each of `parts` connections, round-robin: 64 over 4 is 16 each.
func roundRobin(_ total: Int, over parts: Int) -> [Int] {
    (0..<parts).map { part in total / parts + (part < total % parts ? 1 : 0) }
}

/// `inFlight` tasks calling `call` (with their index) until `duration` is up; the total they made.
func concurrentCalls(
    inFlight: Int, for duration: Duration, executor: (Int) -> (any TaskExecutor)? = { _ in nil },
    _ call: @escaping @Sendable (Int) async throws -> Void
) async throws -> Throughput {
    let start = ContinuousClock.now
    let until = start + duration
    let calls = try await withThrowingTaskGroup(of: Int.self) { group in
        for caller in 0..<inFlight {
            group.addTask(executorPreference: executor(caller)) {
                var calls = 0
                while ContinuousClock.now < until {
                    try await call(caller)
                    calls += 1
                }
                return calls
            }
        }
        return try await group.reduce(0, +)
    }
    return Throughput(calls: calls, elapsed: ContinuousClock.now - start)
}
