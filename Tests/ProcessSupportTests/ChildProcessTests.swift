import Foundation
import ProcessSupport
import Testing

@Suite("Child processes: clean spawn, exit status, signals")
struct ChildProcessTests {
    private func temporaryFile() -> String {
        NSTemporaryDirectory() + "plutus-child-\(UUID().uuidString.prefix(8)).log"
    }

    @Test func reportsExitStatusesAndSignals() async throws {
        let exits = try ChildProcess.spawn("/bin/sh", ["-c", "exit 3"])
        #expect(await exits.termination() == .exited(3))
        let sleeper = try ChildProcess.spawn("/bin/sleep", ["30"])
        sleeper.terminate()
        let termination = await sleeper.termination()
        #expect(termination == .signalled(SIGTERM))
        #expect(termination.status == 128 + SIGTERM)
    }

    @Test func theChildStartsWithNoBlockedSignalsAndNoInheritedDescriptors() async throws {
        let log = temporaryFile()
        // Held open (without close-on-exec) while the child starts: it must not leak into it.
        let held = open(log, O_RDONLY | O_CREAT, 0o644)
        defer { close(held) }
        let child = try ChildProcess.spawn(
            "/bin/sh", ["-c", "grep SigBlk /proc/self/status; ls /proc/self/fd | wc -l"],
            standardOutput: .appendingTo(path: log))
        #expect(await child.termination() == .exited(0))
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.first?.hasSuffix("0000000000000000") == true, "no signal blocked: \(lines)")
        // 0, 1, 2, and the descriptor `ls` opens on /proc/self/fd.
        #expect(lines.last?.trimmingCharacters(in: .whitespaces) == "4", "\(lines)")
    }

    @Test func outputIsAppendedAndTheEnvironmentIsTheOneGiven() async throws {
        let log = temporaryFile()
        for word in ["first", "second"] {
            let child = try ChildProcess.spawn(
                "/bin/sh", ["-c", "echo $WORD; echo oops >&2"], environment: ["WORD": word],
                standardOutput: .appendingTo(path: log), standardError: .appendingTo(path: log))
            #expect(await child.termination() == .exited(0))
        }
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "first\noops\nsecond\noops\n")
    }

    @Test func stopKillsAChildThatIgnoresTerm() async throws {
        let stubborn = try ChildProcess.spawn("/bin/sh", ["-c", "trap '' TERM; sleep 30 & wait; sleep 30"])
        try await Task.sleep(for: .milliseconds(100))  // let the shell install its trap
        let termination = await stubborn.stop(grace: .milliseconds(200))
        #expect(termination == .signalled(SIGKILL))
    }

    @Test func aMissingExecutableIsASpawnError() {
        #expect(throws: ChildProcess.SpawnError.self) {
            try ChildProcess.spawn("/nonexistent/plutus-nothing", [])
        }
    }

    @Test func blockingWaitersSeeTheSameEnd() async throws {
        let child = try ChildProcess.spawn("/bin/sh", ["-c", "exit 7"])
        let blocking = await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: child.waitUntilExit()) }
        }
        #expect(blocking == .exited(7))
        #expect(await child.termination() == .exited(7))
    }
}
