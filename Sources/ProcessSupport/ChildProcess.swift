import CSpawnShim
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A child process spawned cleanly with `posix_spawn`, and waited for on a thread of its own.
///
/// Clean means: its signal mask is empty and SIGTERM, SIGINT and SIGPIPE are back to their
/// defaults (threads of the cooperative pool block some signals, and a child inheriting that
/// would ignore `kill -TERM`), and it inherits no descriptor but the three it is given.
public final class ChildProcess: Sendable {
    /// Where one of the child's standard streams goes.
    public enum Output: Sendable {
        /// Appended to a file, created (0644) if missing.
        case appendingTo(path: String)
        /// Written to this descriptor, which stays the caller's to close.
        case descriptor(Int32)
        case null
    }

    /// How a child ended.
    public enum Termination: Hashable, Sendable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        /// The shell's convention: the exit status, or 128 + the signal.
        public var status: Int32 {
            switch self {
            case .exited(let code): code
            case .signalled(let signal): 128 + signal
            }
        }

        public var description: String {
            switch self {
            case .exited(let code): "exited with status \(code)"
            case .signalled(let signal): "killed by signal \(signal)"
            }
        }
    }

    public struct SpawnError: Error, CustomStringConvertible {
        public let executable: String
        public let errno: Int32
        public var description: String { "could not start \(executable): \(String(cString: strerror(errno)))" }
    }

    public let pid: Int32
    public let executable: String
    private let exit = ExitSignal()

    private init(pid: pid_t, executable: String) {
        self.pid = pid
        self.executable = executable
        let exit = self.exit
        Thread.detachNewThread { exit.deliver(Self.waitForExit(pid)) }
    }

    /// Starts `executable` (an absolute path) with `arguments`.
    /// - Parameters:
    ///   - environment: the child's whole environment; `nil` passes this process's on.
    ///   - ownProcessGroup: puts the child in a process group of its own, so a terminal's Ctrl-C
    ///     reaches only its parent, which then stops it in order.
    public static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
        standardOutput: Output = .null, standardError: Output = .null, ownProcessGroup: Bool = false
    ) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        for (output, target) in [(standardOutput, Int32(1)), (standardError, Int32(2))] {
            switch output {
            case .appendingTo(let path):
                posix_spawn_file_actions_addopen(&actions, target, path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            case .descriptor(let descriptor):
                posix_spawn_file_actions_adddup2(&actions, descriptor, target)
            case .null:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", O_WRONLY, 0)
            }
        }
        // Everything above stderr is closed in the child, whatever its close-on-exec flag says.
        plutus_spawn_file_actions_addclosefrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if ownProcessGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environmentEntries = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { environmentEntries?.forEach { free($0) } }

        var pid: pid_t = 0
        let spawned =
            if let environmentEntries {
                posix_spawn(&pid, executable, &actions, &attributes, argv, environmentEntries)
            } else {
                posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
            }
        guard spawned == 0 else { throw SpawnError(executable: executable, errno: spawned) }
        return ChildProcess(pid: pid, executable: executable)
    }

    /// Waits for the child to end.
    public func termination() async -> Termination { await exit.wait() }

    /// Blocks the calling thread until the child ends; for synchronous callers only.
    public func waitUntilExit() -> Termination { exit.block() }

    /// Sends signal `number` to the child.
    public func signal(_ number: Int32) {
        kill(pid, number)
    }

    /// Asks the child to stop (SIGTERM).
    public func terminate() { signal(SIGTERM) }

    /// Stops the child at once (SIGKILL), as a crash would.
    public func forceKill() { signal(SIGKILL) }

    /// SIGTERM, then SIGKILL if it has not ended within `grace`.
    @discardableResult
    public func stop(grace: Duration) async -> Termination {
        terminate()
        let killer = Task {
            try await Task.sleep(for: grace)
            forceKill()
        }
        let termination = await termination()
        killer.cancel()
        return termination
    }

    private static func waitForExit(_ pid: pid_t) -> Termination {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }
}

/// The one-time news that a child ended, for async and blocking waiters alike.
private final class ExitSignal: Sendable {
    private struct State {
        var termination: ChildProcess.Termination?
        var waiters: [CheckedContinuation<ChildProcess.Termination, Never>] = []
    }

    private let condition = NSCondition()
    nonisolated(unsafe) private var state = State()  // guarded by `condition`

    func deliver(_ termination: ChildProcess.Termination) {
        condition.lock()
        state.termination = termination
        let waiters = state.waiters
        state.waiters = []
        condition.broadcast()
        condition.unlock()
        for waiter in waiters { waiter.resume(returning: termination) }
    }

    func wait() async -> ChildProcess.Termination {
        await withCheckedContinuation { continuation in
            condition.lock()
            if let termination = state.termination {
                condition.unlock()
                continuation.resume(returning: termination)
            } else {
                state.waiters.append(continuation)
                condition.unlock()
            }
        }
    }

    func block() -> ChildProcess.Termination {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let termination = state.termination { return termination }
            condition.wait()
        }
    }
}
