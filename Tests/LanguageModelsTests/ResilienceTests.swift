import LanguageModels
import Testing

struct ResilienceTests {
    @Test("backoff doubles up to its ceiling, with jitter in its upper half")
    func backoff() {
        let policy = RetryPolicy(maximumAttempts: 6, initialBackoff: .milliseconds(100), maximumBackoff: .milliseconds(800))
        var random = SystemRandomNumberGenerator()
        let error = ModelError(.server, "boom")
        for (attempt, ceiling) in [(1, 100), (2, 200), (3, 400), (4, 800), (5, 800)] {
            for _ in 0..<50 {
                let wait = policy.backoff(afterAttempt: attempt, error: error, using: &random)
                #expect(wait >= .milliseconds(ceiling / 2) && wait <= .milliseconds(ceiling))
            }
        }
    }

    @Test("retry-after is honoured when longer than the backoff")
    func retryAfter() {
        let policy = RetryPolicy(initialBackoff: .milliseconds(100))
        var random = SystemRandomNumberGenerator()
        let error = ModelError(.rateLimited, "slow down", status: 429, retryAfter: .seconds(2))
        #expect(policy.backoff(afterAttempt: 1, error: error, using: &random) == .seconds(2))
    }

    @Test("which failures are retried")
    func retryable() {
        for kind in [ModelError.Kind.rateLimited, .overloaded, .server, .network] {
            #expect(ModelError(kind, "").isRetryable)
        }
        for kind in [ModelError.Kind.badRequest, .unauthorized, .forbidden, .invalidResponse, .invalidOutput, .circuitOpen] {
            #expect(!ModelError(kind, "").isRetryable)
        }
    }

    @Test("the breaker opens after the threshold, refuses while cooling, then lets one trial through")
    func breaker() throws {
        let breaker = CircuitBreaker(failureThreshold: 3, coolingPeriod: .seconds(10))
        let start = ContinuousClock.now
        for _ in 0..<2 {
            try breaker.admit(now: start)
            breaker.record(providerFault: true, now: start)
        }
        #expect(breaker.current == .closed(consecutiveFailures: 2))
        try breaker.admit(now: start)
        breaker.record(providerFault: true, now: start)
        #expect(breaker.current == .open(until: start + .seconds(10)))
        #expect(throws: ModelError.self) { try breaker.admit(now: start + .seconds(9)) }

        try breaker.admit(now: start + .seconds(10))
        #expect(breaker.current == .halfOpen)
        #expect(throws: ModelError.self) { try breaker.admit(now: start + .seconds(10)) }  // one trial at a time
        breaker.record(providerFault: true, now: start + .seconds(10))
        #expect(breaker.current == .open(until: start + .seconds(20)))

        try breaker.admit(now: start + .seconds(20))
        breaker.record(providerFault: false, now: start + .seconds(20))
        #expect(breaker.current == .closed(consecutiveFailures: 0))
    }

    @Test("a request's own failure shows the provider is up")
    func requestFaultsResetTheCount() throws {
        let breaker = CircuitBreaker(failureThreshold: 2)
        breaker.record(providerFault: true)
        breaker.record(providerFault: false)
        breaker.record(providerFault: true)
        #expect(breaker.current == .closed(consecutiveFailures: 1))
    }
}
