import Synchronization
public import Logging

/// Who a model call is for and by when it must be done.
public struct ModelCaller: Sendable, Hashable {
    /// The person the prompt is about: rate limits and cached answers are kept per user.
    public var userID: String
    /// What the call is for, as the audit log records it.
    public var purpose: String
    /// When the answer is no longer useful (from the graph's deadline); `nil` for none.
    public var deadline: ContinuousClock.Instant?

    public init(userID: String, purpose: String, deadline: ContinuousClock.Instant? = nil) {
        self.userID = userID
        self.purpose = purpose
        self.deadline = deadline
    }
}

/// A model client made safe to call from the agents: prompts are redacted before they leave the
/// process, calls are rate-limited per user and globally, answers are cached per user, failures
/// that may pass are retried with backoff inside the caller's deadline, and a circuit breaker
/// fails calls fast while the provider is down. Every call is logged and recorded in the
/// current ``ModelCallLog``.
public final class LanguageModel: Sendable {
    public let client: any ModelClient
    public let breaker: CircuitBreaker
    private let retry: RetryPolicy
    private let redactor = PromptRedactor()
    private let limiter: CallRateLimiter?
    private let cache: ResponseCache?
    private let logger: Logger

    public init(
        client: any ModelClient, retry: RetryPolicy = RetryPolicy(), breaker: CircuitBreaker = CircuitBreaker(),
        limiter: CallRateLimiter? = nil, cache: ResponseCache? = nil, logger: Logger
    ) {
        self.client = client
        self.retry = retry
        self.breaker = breaker
        self.limiter = limiter
        self.cache = cache
        self.logger = logger
    }

    /// Asks the model, streaming its text to `onText` when given.
    ///
    /// A streamed call that already handed text over is not retried (the text would repeat).
    /// - Throws: ``ModelError``: the last attempt's failure, or `circuitOpen`,
    ///   `rateLimitExceeded` or `deadlineExceeded`; `CancellationError` if cancelled.
    public func respond(
        to request: ModelRequest, for caller: ModelCaller, onText: (@Sendable (String) async -> Void)? = nil
    ) async throws -> ModelResponse {
        let request = redacted(request)
        let started = ContinuousClock.now
        var attempts = 0
        do {
            if let cached = await cachedAnswer(to: request, for: caller) {
                if let onText, !cached.text.isEmpty { await onText(cached.text) }
                record(caller, .cached, cached.usage, since: started, attempts: 0)
                return cached
            }
            try await admit(caller)
            let response = try await withRetries(request, for: caller, attempts: &attempts, onText: onText)
            record(caller, .answered, response.usage, since: started, attempts: attempts)
            await store(response, for: request, caller: caller)
            return response
        } catch let error as ModelError {
            record(caller, .failed(error.kind), TokenUsage(), since: started, attempts: attempts)
            throw error
        }
    }

    private func withRetries(
        _ request: ModelRequest, for caller: ModelCaller, attempts: inout Int,
        onText: (@Sendable (String) async -> Void)?
    ) async throws -> ModelResponse {
        var random = SystemRandomNumberGenerator()
        let streamed = StreamedText(forwardingTo: onText)
        while true {
            try breaker.admit()
            attempts += 1
            do {
                let response = try await client.respond(
                    to: request, timeout: try timeLeft(caller), onText: onText == nil ? nil : streamed.forward)
                breaker.record(providerFault: false)
                return response
            } catch let error as ModelError {
                breaker.record(providerFault: error.isProviderFault)
                guard error.isRetryable, attempts < retry.maximumAttempts, !streamed.started else { throw error }
                let backoff = retry.backoff(afterAttempt: attempts, error: error, using: &random)
                if let deadline = caller.deadline, ContinuousClock.now + backoff >= deadline {
                    throw error
                }
                logger.info(
                    "retrying a model call",
                    metadata: [
                        "llm.provider": "\(client.provider)", "llm.purpose": "\(caller.purpose)", "llm.attempt": "\(attempts)",
                        "llm.backoff_ms": "\(backoff.milliseconds)", "error": "\(error)",
                    ])
                try await Task.sleep(for: backoff)
            }
        }
    }

    /// The time left before the caller's deadline.
    /// - Throws: ``ModelError`` (`deadlineExceeded`) when none is left.
    private func timeLeft(_ caller: ModelCaller) throws(ModelError) -> Duration? {
        guard let deadline = caller.deadline else { return nil }
        let left = deadline - .now
        guard left > .milliseconds(1) else { throw ModelError(.deadlineExceeded, "the call's deadline has passed") }
        return left
    }

    private func redacted(_ request: ModelRequest) -> ModelRequest {
        var request = request
        for index in request.system.indices { request.system[index].text = redactor.redact(request.system[index].text) }
        for index in request.messages.indices { request.messages[index].text = redactor.redact(request.messages[index].text) }
        return request
    }

    // The cache and the limiter are optimisations and guards, not the answer: a Redis failure is
    // logged and the call goes on without them.

    private func admit(_ caller: ModelCaller) async throws(ModelError) {
        guard let limiter else { return }
        do {
            try await limiter.acquire(for: caller.userID)
        } catch let error as ModelError {
            throw error
        } catch {
            logger.warning("the model rate limiter failed; the call goes on", metadata: ["error": "\(error)"])
        }
    }

    private func cachedAnswer(to request: ModelRequest, for caller: ModelCaller) async -> ModelResponse? {
        guard let cache else { return nil }
        do {
            return try await cache.lookup(request, userID: caller.userID, client: client)
        } catch {
            logger.warning("the model response cache failed", metadata: ["error": "\(error)"])
            return nil
        }
    }

    private func store(_ response: ModelResponse, for request: ModelRequest, caller: ModelCaller) async {
        do {
            try await cache?.store(response, for: request, userID: caller.userID, client: client)
        } catch {
            logger.warning("the model response cache failed", metadata: ["error": "\(error)"])
        }
    }

    private func record(
        _ caller: ModelCaller, _ outcome: ModelCallRecord.Outcome, _ usage: TokenUsage, since started: ContinuousClock.Instant,
        attempts: Int
    ) {
        let record = ModelCallRecord(
            provider: client.provider, model: client.model, purpose: caller.purpose, outcome: outcome, usage: usage,
            latency: .now - started, attempts: attempts)
        ModelCallLog.current?.append(record)
        logger.info(
            "model call",
            metadata: [
                "llm.provider": "\(record.provider)", "llm.model": "\(record.model)", "llm.purpose": "\(record.purpose)",
                "llm.outcome": "\(record.outcome)", "llm.attempts": "\(record.attempts)",
                "llm.latency_ms": "\(record.latency.milliseconds)", "llm.input_tokens": "\(usage.inputTokens)",
                "llm.output_tokens": "\(usage.outputTokens)",
            ])
    }
}

/// Whether any streamed text reached the caller yet (after which a retry would repeat it).
private final class StreamedText: Sendable {
    private let onText: (@Sendable (String) async -> Void)?
    private let flag = Synchronization.Atomic<Bool>(false)

    init(forwardingTo onText: (@Sendable (String) async -> Void)?) {
        self.onText = onText
    }

    var started: Bool { flag.load(ordering: .relaxed) }

    var forward: @Sendable (String) async -> Void {
        { [self] text in
            flag.store(true, ordering: .relaxed)
            await onText?(text)
        }
    }
}

extension Duration {
    /// The whole milliseconds in this duration.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000 + attoseconds / 1_000_000_000_000_000
    }
}
