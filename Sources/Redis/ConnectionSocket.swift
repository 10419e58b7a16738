import BridgeSupport
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The part of a ``RedisConnection`` that other threads may touch: its socket, for cancellation and reuse checks.
///
/// The pool asks ``isReusable`` from its own executor, and a task's cancellation handler calls
/// ``interrupt()`` from whichever thread cancels; everything here is guarded by one mutex. The
/// descriptor is only shut down while a command is in flight, so it can never hit a descriptor
/// number that `redisFree` has closed and the kernel has handed to someone else.
final class ConnectionSocket: Sendable {
    private struct State {
        var descriptor: Int32 = -1
        var isBroken = false
        var isBusy = false
        var wasInterrupted = false
    }

    private let state = Mutex(State())

    /// Records the connected socket; called once, after the connection is fully set up.
    func attach(_ descriptor: Int32) {
        state.withLock { $0.descriptor = descriptor }
    }

    /// Forgets the socket before it is closed; the connection is not reusable from then on.
    func detach() {
        state.withLock { state in
            state.descriptor = -1
            state.isBroken = true
        }
    }

    /// Marks the connection unfit for reuse: it failed, timed out or lost track of its replies.
    func markBroken() {
        state.withLock { $0.isBroken = true }
    }

    /// Whether the connection may be lent again: unbroken, and with no unasked input or EOF waiting.
    var isReusable: Bool {
        state.withLock { state in
            !state.isBroken && state.descriptor >= 0 && !SocketProbe.hasPendingInput(state.descriptor)
        }
    }

    /// Marks the start of a command that ``interrupt()`` may cut short.
    func beginCommand() {
        state.withLock { state in
            state.isBusy = true
            state.wasInterrupted = false
        }
    }

    /// Marks the end of the command.
    /// - Returns: whether ``interrupt()`` cut it short.
    func endCommand() -> Bool {
        state.withLock { state in
            state.isBusy = false
            return state.wasInterrupted
        }
    }

    /// Unblocks a command stuck in a read or write by shutting the socket down; the connection is then broken.
    func interrupt() {
        state.withLock { state in
            guard state.isBusy, state.descriptor >= 0 else { return }
            state.wasInterrupted = true
            state.isBroken = true
            _ = shutdown(state.descriptor, Int32(SHUT_RDWR))
        }
    }
}
