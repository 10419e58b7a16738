/// What a run reports as it goes, for progress streams (the gateway's SSE `node` events) and logs.
public enum GraphEvent: Sendable, Hashable {
    /// A node's attempt began.
    case nodeStarted(node: String, step: Int, attempt: Int)
    /// A node's attempt failed and will be tried again after `backoff`.
    case nodeRetrying(node: String, step: Int, attempt: Int, error: String, backoff: Duration)
    /// A node finished; its checkpoint is saved (with `.async` durability, queued).
    case nodeFinished(node: String, step: Int, duration: Duration)
    /// A node paused the run for the person's answer.
    case interrupted(node: String, step: Int, reason: String)
    /// The run reached END.
    case finished(steps: Int)
}
