import Foundation
import ProcessSupport

#if canImport(Glibc)
import Glibc
#endif

/// Runs one of the checkout's own scripts (for example `deploy/local/postgres.sh`) and returns its output.
///
/// Scripts such as `deploy/local/redis.sh start` leave a daemon behind, and a daemon keeps what its
/// spawner gave it, so the script is spawned clean by ``ChildProcess``: an empty signal mask (a
/// server inheriting the cooperative pool's blocked SIGTERM would ignore `stop`), and no
/// descriptor but the three standard ones (a daemon holding our output pipe or a test's database
/// socket would keep them open). Output is read and the child waited for on a thread of its own,
/// never on the cooperative pool.
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
        let command = [Repository.path(script)] + arguments
        let (status, output) = try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try spawnAndWait("/bin/bash", command) })
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
    /// - Parameter environment: the program's whole environment; `nil` passes this process's on.
    @discardableResult
    public static func runProgram(
        _ executable: String, _ arguments: [String] = [], environment: [String: String]? = nil
    ) throws -> String {
        let (status, output) = try outcome(executable, arguments, environment: environment)
        guard status == 0 else { throw Failure(command: [executable] + arguments, status: status, output: output) }
        return output
    }

    /// Runs `executable` like ``runProgram(_:_:environment:)`` and returns how it ended, whatever
    /// its exit status: for checkers whose failing verdict the caller reads.
    /// - Throws: only when the program cannot be started.
    public static func outcome(
        _ executable: String, _ arguments: [String] = [], environment: [String: String]? = nil
    ) throws -> (status: Int32, output: String) {
        try spawnAndWait(executable, arguments, environment: environment)
    }

    private static func spawnAndWait(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil
    ) throws -> (Int32, String) {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw POSIXError(.EMFILE) }
        // Close-on-exec, so children other threads spawn meanwhile don't inherit the pipe.
        _ = fcntl(pipe[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(pipe[1], F_SETFD, FD_CLOEXEC)
        defer { close(pipe[0]) }
        let child: ChildProcess
        do {
            child = try ChildProcess.spawn(
                executable, arguments, environment: environment, standardOutput: .descriptor(pipe[1]),
                standardError: .descriptor(pipe[1]))
        } catch {
            close(pipe[1])
            throw error
        }
        close(pipe[1])
        let output = readAll(pipe[0])
        return (child.waitUntilExit().status, output)
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
