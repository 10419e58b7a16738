import Foundation

/// Runs an external program (a floor such as `pgbench` or `redis-benchmark`) and returns its output.
///
/// The program is started from a fresh thread with no signals blocked: threads of the cooperative
/// pool block some, a child inherits that mask, and `pgbench -T` then never sees its SIGALRM.
enum ExternalCommand {
    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ arguments: [String]) throws -> String {
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<String, any Error> = .failure(Failed(description: "not run"))
        Thread.detachNewThread {
            var none = sigset_t()
            sigemptyset(&none)
            pthread_sigmask(SIG_SETMASK, &none, nil)
            outcome = Result { try runHere(arguments) }
            finished.signal()
        }
        finished.wait()
        return try outcome.get()
    }

    private static func runHere(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failed(description: "\(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(text)")
        }
        return text
    }
}
