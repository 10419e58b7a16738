import BridgeSupport
import Foundation
import Logging
import Synchronization

/// The one thread that drives every transfer of an ``HTTPClient`` through a libcurl multi handle.
///
/// Tasks never call libcurl on the cooperative pool: they queue commands (add, remove, unpause)
/// under a mutex and wake the thread with `curl_multi_wakeup`; the thread applies them between
/// `curl_multi_poll` calls. A thousand idle transfers cost sockets, not threads.
final class CurlMultiLoop: Sendable {
    enum Command {
        case add(Transfer)
        case remove(Transfer)
        case unpause(Transfer)
    }

    enum Lifecycle {
        case running, stopping, stopped
    }

    struct Queue {
        var commands: [Command] = []
        var lifecycle = Lifecycle.running
        var shutdownWaiters: [CheckedContinuation<Void, Never>] = []
    }

    let multi: CurlMulti
    let queue = Mutex(Queue())
    let logger: Logger

    /// The loop thread's name, as `top -H` shows it (Linux keeps 15 bytes).
    static let threadName = "plutus-curl"

    /// Creates the multi handle and starts the thread.
    init(logger: Logger) throws(HTTPClientError) {
        self.multi = try CurlMulti()
        self.logger = logger
        let thread = Thread { [self] in
            // The OS name (what `top -H` and /proc show) has to be set from the thread itself on Linux.
            OSThreadName.setCurrent(Self.threadName)
            run()
        }
        thread.name = Self.threadName
        thread.start()
    }

    /// Hands a transfer to the thread.
    ///
    /// - Throws: ``HTTPClientError/Code/shutdown`` once ``shutdown()`` began.
    func add(_ transfer: Transfer) throws(HTTPClientError) {
        let accepted = queue.withLock { queue in
            guard queue.lifecycle == .running else { return false }
            queue.commands.append(.add(transfer))
            return true
        }
        guard accepted else { throw HTTPClientError.shutdown() }
        multi.wakeup()
    }

    /// Aborts a transfer the thread may still run.
    func remove(_ transfer: Transfer) {
        send(.remove(transfer))
    }

    /// Continues a transfer its write callback paused.
    func unpause(_ transfer: Transfer) {
        send(.unpause(transfer))
    }

    /// Aborts every transfer (they fail with ``HTTPClientError/Code/shutdown``) and stops the
    /// thread; returns once it has stopped. Safe to call more than once.
    func shutdown() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let stopped = queue.withLock { queue in
                guard queue.lifecycle != .stopped else { return true }
                queue.lifecycle = .stopping
                queue.shutdownWaiters.append(continuation)
                return false
            }
            if stopped { continuation.resume() } else { multi.wakeup() }
        }
    }

    /// Starts a shutdown without waiting for it (for `deinit`).
    func requestShutdown() {
        let wasRunning = queue.withLock { queue in
            defer { if queue.lifecycle == .running { queue.lifecycle = .stopping } }
            return queue.lifecycle == .running
        }
        if wasRunning { multi.wakeup() }
    }

    private func send(_ command: Command) {
        let queued = queue.withLock { queue in
            guard queue.lifecycle == .running else { return false }
            queue.commands.append(command)
            return true
        }
        if queued { multi.wakeup() }
    }
}
