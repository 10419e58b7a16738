import BridgeSupport
import Synchronization

/// What the pool and cancellation handlers need to know about a connection, from any thread.
final class PostgresConnectionState: Sendable {
    private struct Flags {
        var socket: Int32 = -1
        var cancelToken: LibPQCancelToken?
        var isBroken = false
        var isInTransaction = false
        /// Set once a cancel request was sent: such a connection is never lent again, so a late
        /// request can never cancel someone else's statement.
        var cancelWasRequested = false
        var runningOperation: UInt64?
        var nextOperation: UInt64 = 0
    }

    private let flags = Mutex(Flags())

    func connected(socket: Int32, cancelToken: LibPQCancelToken?) {
        flags.withLock {
            $0.socket = socket
            $0.cancelToken = cancelToken
        }
    }

    func update(isBroken: Bool, isInTransaction: Bool) {
        flags.withLock {
            $0.isBroken = $0.isBroken || isBroken
            $0.isInTransaction = isInTransaction
        }
    }

    func markBroken() {
        flags.withLock { $0.isBroken = true }
    }

    var isReusable: Bool {
        let (socket, usable) = flags.withLock { flags in
            (flags.socket, !flags.isBroken && !flags.isInTransaction && !flags.cancelWasRequested)
        }
        return usable && !SocketProbe.hasPendingInput(socket)
    }

    /// Marks a statement as running; returns its identity for ``requestCancel(of:)``.
    func beginOperation() -> UInt64 {
        flags.withLock {
            $0.nextOperation += 1
            $0.runningOperation = $0.nextOperation
            return $0.nextOperation
        }
    }

    func endOperation() {
        flags.withLock { $0.runningOperation = nil }
    }

    /// Asks the server to cancel `operation` if it is still the one running.
    func requestCancel(of operation: UInt64) {
        let token: LibPQCancelToken? = flags.withLock {
            guard $0.runningOperation == operation, !$0.cancelWasRequested else { return nil }
            $0.cancelWasRequested = true
            return $0.cancelToken
        }
        token?.send()
    }
}
