/// How often and how patiently a failed model call is tried again: only failures that are
/// ``ModelError/isRetryable`` (429, 5xx, 529, network), with exponential backoff and jitter, never
/// sooner than the provider's `retry-after`, and never past the call's deadline.
public struct RetryPolicy: Sendable, Hashable {
    /// The most attempts in all, the first included.
    public var maximumAttempts: Int
    /// The backoff before the second attempt; it doubles for each later one.
    public var initialBackoff: Duration
    /// The longest backoff, however many attempts failed.
    public var maximumBackoff: Duration

    public init(maximumAttempts: Int = 4, initialBackoff: Duration = .milliseconds(500), maximumBackoff: Duration = .seconds(8)) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
    }

    /// The wait before the attempt after `attempt` (1 for the first) failed with `error`: half the
    /// exponential backoff plus a random part of the other half, or the provider's `retry-after`
    /// when that is longer.
    public func backoff(
        afterAttempt attempt: Int, error: ModelError, using random: inout some RandomNumberGenerator
    ) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let ceiling = min(maximumBackoff, initialBackoff * (1 << exponent))
        let half = ceiling / 2
        let jitter = Double.random(in: 0...1, using: &random)
        let jittered = half + half * jitter
        guard let retryAfter = error.retryAfter else { return jittered }
        return max(retryAfter, jittered)
    }
}
