import Synchronization

/// Fails calls fast while a provider is unwell: after ``failureThreshold`` provider faults in a
/// row the circuit opens and every call is refused for ``coolingPeriod``; then one trial call is
/// let through, and its outcome closes the circuit or opens it again.
public final class CircuitBreaker: Sendable {
    /// Where the circuit stands.
    public enum State: Sendable, Hashable {
        case closed(consecutiveFailures: Int)
        case open(until: ContinuousClock.Instant)
        /// The cooling period is over and one trial call is in flight.
        case halfOpen
    }

    public let failureThreshold: Int
    public let coolingPeriod: Duration
    private let state: Mutex<State> = Mutex(.closed(consecutiveFailures: 0))

    public init(failureThreshold: Int = 5, coolingPeriod: Duration = .seconds(30)) {
        self.failureThreshold = max(1, failureThreshold)
        self.coolingPeriod = coolingPeriod
    }

    /// The current state.
    public var current: State { state.withLock { $0 } }

    /// Asks to make a call.
    /// - Throws: ``ModelError`` (`circuitOpen`) while the circuit is open, or while a trial call
    ///   is already in flight.
    public func admit(now: ContinuousClock.Instant = .now) throws(ModelError) {
        let admitted = state.withLock { state -> Bool in
            switch state {
            case .closed:
                return true
            case .open(let until) where now >= until:
                state = .halfOpen
                return true
            case .open, .halfOpen:
                return false
            }
        }
        guard admitted else {
            throw ModelError(.circuitOpen, "the provider failed \(failureThreshold) times in a row; calls are paused")
        }
    }

    /// Records an admitted call's outcome: a provider fault counts toward opening the circuit;
    /// anything else (success, or a failure of the request itself) shows the provider is up.
    public func record(providerFault: Bool, now: ContinuousClock.Instant = .now) {
        state.withLock { state in
            guard providerFault else {
                state = .closed(consecutiveFailures: 0)
                return
            }
            switch state {
            case .closed(let failures) where failures + 1 < failureThreshold:
                state = .closed(consecutiveFailures: failures + 1)
            case .closed, .halfOpen, .open:
                state = .open(until: now + coolingPeriod)
            }
        }
    }
}
