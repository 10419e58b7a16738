/// Latency samples and their summary, shared by the benchmark executables.
public struct LatencySamples: Sendable {
    public private(set) var samples: [Duration] = []

    public init(reservingCapacity capacity: Int = 0) {
        samples.reserveCapacity(capacity)
    }

    public mutating func record(_ duration: Duration) { samples.append(duration) }

    /// Adds every sample of `other`.
    public mutating func record(contentsOf other: LatencySamples) { samples.append(contentsOf: other.samples) }

    /// Times `calls` calls of `body` (given the call's number) spread over `callers` concurrent tasks.
    public static func measure(
        callers: Int, calls: Int, _ body: @escaping @Sendable (Int) async throws -> Void
    ) async throws -> LatencySamples {
        try await withThrowingTaskGroup(of: LatencySamples.self) { group in
            for caller in 0..<callers {
                group.addTask {
                    var samples = LatencySamples(reservingCapacity: calls / callers + 1)
                    for index in stride(from: caller, to: calls, by: callers) {
                        let start = ContinuousClock.now
                        try await body(index)
                        samples.record(ContinuousClock.now - start)
                    }
                    return samples
                }
            }
            var all = LatencySamples(reservingCapacity: calls)
            for try await samples in group { all.record(contentsOf: samples) }
            return all
        }
    }

    /// The sample at `fraction` (0.5 for the median) of the sorted samples.
    public func percentile(_ fraction: Double) -> Duration {
        sortedPercentile(samples.sorted(), fraction)
    }
}

/// The sample at `fraction` of already sorted samples; zero when there are none.
public func sortedPercentile(_ sorted: [Duration], _ fraction: Double) -> Duration {
    guard !sorted.isEmpty else { return .zero }
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
}
