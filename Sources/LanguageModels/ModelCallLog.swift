import Synchronization

/// One model call as the audit log records it.
public struct ModelCallRecord: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable, CustomStringConvertible {
        case answered
        /// Served from the response cache: no tokens spent.
        case cached
        case failed(ModelError.Kind)

        public var description: String {
            switch self {
            case .answered: "answered"
            case .cached: "cached"
            case .failed(let kind): "failed:\(kind.rawValue)"
            }
        }
    }

    public var provider: String
    public var model: String
    /// What the call was for (`classify`, `extract_goals`, `write`).
    public var purpose: String
    public var outcome: Outcome
    public var usage: TokenUsage
    public var latency: Duration
    /// How many requests were sent, retries included.
    public var attempts: Int

    public init(
        provider: String, model: String, purpose: String, outcome: Outcome, usage: TokenUsage, latency: Duration,
        attempts: Int
    ) {
        self.provider = provider
        self.model = model
        self.purpose = purpose
        self.outcome = outcome
        self.usage = usage
        self.latency = latency
        self.attempts = attempts
    }
}

/// Collects the model calls made while handling one request, so they can be reported with its
/// answer. Install one for a task with ``$current``; ``LanguageModel`` appends to it.
public final class ModelCallLog: Sendable {
    /// The log of the task handling the current request, if one was installed.
    @TaskLocal public static var current: ModelCallLog?

    private let records = Mutex<[ModelCallRecord]>([])

    public init() {}

    /// The calls recorded so far, in order.
    public var calls: [ModelCallRecord] { records.withLock { $0 } }

    func append(_ record: ModelCallRecord) {
        records.withLock { $0.append(record) }
    }
}
