/// Exponential backoff with full jitter: after the n-th consecutive failure, wait a random time
/// between zero and `min(maximum, initial × 2ⁿ⁻¹)`, so replicas and clients that failed together
/// do not retry together.
public struct Backoff: Hashable, Sendable {
    public var initial: Duration
    public var maximum: Duration

    public init(initial: Duration, maximum: Duration) {
        self.initial = initial
        self.maximum = max(initial, maximum)
    }

    /// The ceiling of the wait after `failures` consecutive failures (at least one).
    public func ceiling(afterFailures failures: Int) -> Duration {
        let doublings = min(max(failures, 1) - 1, 30)
        let ceiling = initial * (1 << doublings)
        return min(ceiling, maximum)
    }

    /// A random wait after `failures` consecutive failures, in `0...ceiling`.
    public func delay<Generator: RandomNumberGenerator>(afterFailures failures: Int, using generator: inout Generator)
        -> Duration
    {
        let ceilingNanoseconds = max(1, nanoseconds(ceiling(afterFailures: failures)))
        return .nanoseconds(Int64.random(in: 0...ceilingNanoseconds, using: &generator))
    }

    public func delay(afterFailures failures: Int) -> Duration {
        var generator = SystemRandomNumberGenerator()
        return delay(afterFailures: failures, using: &generator)
    }

    private func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
