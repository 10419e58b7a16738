import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs one of the checkout's own scripts (for example `deploy/local/postgres.sh`) and returns its output.
///
/// Scripts such as `deploy/local/redis.sh start` leave a daemon behind, and a daemon keeps what its
/// spawner gave it, so the script is spawned clean:
/// - its signal mask is emptied and SIGTERM/SIGINT/SIGPIPE reset: threads of the cooperative pool
///   block SIGTERM, and a server inheriting that would ignore `stop` and `restart`;
/// - every descriptor above 2 is closed before the script runs (a bash prologue): a daemon holding
///   our output pipe, or a test's database socket, would keep them open.
/// It waits with `waitpid` on a thread of its own, never on the cooperative pool.
public enum ScriptRunner {
    public struct Failure: Error, CustomStringConvertible {
        public let command: [String]
        public let status: Int32
        public let output: String
        public var description: String { "\(command.joined(separator: " ")) exited \(status): \(output)" }
    }

    /// Runs `script` (a path relative to the checkout) with `arguments` under bash; throws when it
    /// exits non-zero. Standard output and error are returned together.
    @discardableResult
    public static func run(_ script: String, _ arguments: [String] = []) async throws -> String {
        let command = ["/bin/bash", "-c", closeInheritedDescriptors, "bash", Repository.path(script)] + arguments
        let (status, output) = try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try spawnAndWait(command) })
            }
        }
        guard status == 0 else {
            throw Failure(command: [script] + arguments, status: status, output: output)
        }
        return output
    }

    /// Runs `executable` (an absolute path) with `arguments` to completion, on the calling thread,
    /// spawned as cleanly as a script; throws ``Failure`` with its output when it exits non-zero.
    /// For short tools (a Python check, a compiler); use ``run(_:_:)`` for the checkout's scripts.
    @discardableResult
    public static func runProgram(_ executable: String, _ arguments: [String] = []) throws -> String {
        let (status, output) = try spawnAndWait([executable] + arguments)
        guard status == 0 else { throw Failure(command: [executable] + arguments, status: status, output: output) }
        return output
    }

    private static let closeInheritedDescriptors = """
        for fd in /proc/$$/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && exec {fd}>&-; done 2>/dev/null
        exec bash "$@"
        """

    private static func spawnAndWait(_ command: [String]) throws -> (Int32, String) {
        var pipe: [Int32] = [0, 0]
        // Close-on-exec, so daemons the script starts don't inherit the pipe and hold it open.
        guard Glibc.pipe(&pipe) == 0 else { throw POSIXError(.EMFILE) }
        _ = fcntl(pipe[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(pipe[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 2)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)

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
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let arguments = command.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, &attributes, arguments, environ)
        close(pipe[1])
        defer { close(pipe[0]) }
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }

        let output = readAll(pipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exitCode, output)
    }

    private static func readAll(_ descriptor: Int32) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count > 0 {
                bytes.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
