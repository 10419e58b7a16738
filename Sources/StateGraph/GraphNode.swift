/// Where an edge leads: a node by name, or the end of the run.
public enum GraphTarget: Hashable, Sendable, CustomStringConvertible {
    case node(String)
    case end

    public var description: String {
        switch self {
        case .node(let name): name
        case .end: "END"
        }
    }
}

/// What a node hands back: the state to go on with, or the state to pause in until the run is
/// resumed with the person's answer (LangGraph's `interrupt`). An interrupted node runs again on
/// resume, with the state the resumer patched.
public enum NodeOutcome<State: Sendable>: Sendable {
    case next(State)
    case interrupt(State, reason: String)

    var state: State {
        switch self {
        case .next(let state), .interrupt(let state, _): state
        }
    }
}

/// What a running node knows about its step.
public struct NodeContext: Sendable {
    /// The run's id (stable across resumes).
    public let runID: String
    /// The node's name.
    public let node: String
    /// The run's step counter, from 1.
    public let step: Int
    /// Which attempt this is, from 1; above 1 after a retryable failure.
    public let attempt: Int
    /// When the node must be done: pass it on to the calls it makes.
    public let deadline: ContinuousClock.Instant?
}

/// How long a node may take and how its failures are retried.
public struct NodePolicy: Sendable {
    /// The most a single attempt may take; `nil` for no limit.
    public var timeout: Duration?
    /// Attempts in all, at least 1.
    public var maxAttempts: Int
    /// The pause before the second attempt; it doubles for every later one.
    public var initialBackoff: Duration
    /// Whether an error is worth another attempt. Only errors it accepts are retried; a node's
    /// timeout is a ``GraphRunError`` with code ``GraphRunError/Code/nodeTimedOut``.
    public var isRetryable: @Sendable (any Error) -> Bool

    public init(
        timeout: Duration? = nil, maxAttempts: Int = 1, initialBackoff: Duration = .milliseconds(50),
        isRetryable: @escaping @Sendable (any Error) -> Bool = { _ in false }
    ) {
        self.timeout = timeout
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.isRetryable = isRetryable
    }

    /// One attempt, no time limit.
    public static var `default`: NodePolicy { NodePolicy() }
}

/// A node: its work and its policy.
struct GraphNodeDefinition<State: Sendable>: Sendable {
    let name: String
    let policy: NodePolicy
    let run: @Sendable (State, NodeContext) async throws -> NodeOutcome<State>
}

/// How a node chooses what runs after it.
enum GraphEdge<State: Sendable>: Sendable {
    /// Always the same target.
    case direct(GraphTarget)
    /// The router names a route; `routes` maps it to a target.
    case conditional(routes: [String: GraphTarget], router: @Sendable (State) -> String)

    var targets: [GraphTarget] {
        switch self {
        case .direct(let target): [target]
        case .conditional(let routes, _): Array(routes.values)
        }
    }
}
