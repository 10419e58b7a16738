import ArgumentParser
import Foundation

/// Raises the soft open-file limit to the hard one: each request holds a socket.
func raiseFileLimit() -> Int {
    var limit = rlimit()
    guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return -1 }
    limit.rlim_cur = limit.rlim_max
    _ = setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
    return Int(limit.rlim_cur)
}

/// The process's thread count, read from `/proc/self/status`.
enum ThreadCount {
    static func current() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("Threads:") } ?? ""
        return Int(line.dropFirst("Threads:".count).trimmingCharacters(in: .whitespaces)) ?? -1
    }

    /// The highest count seen, sampling every 10 ms until cancelled.
    static func peak() async -> Int {
        var peak = current()
        while !Task.isCancelled {
            peak = max(peak, current())
            try? await Task.sleep(for: .milliseconds(10))
        }
        return peak
    }
}

/// A test server from `Tests/Support` as a child process; it exits when this process does,
/// because it reads its stdin (a pipe only this process holds) until EOF.
final class BenchmarkServer {
    let port: Int
    private let process = Process()
    private let stdin = Pipe()

    /// - Parameter script: the server's file name in `Tests/Support`.
    init(script: String) throws {
        let stdout = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", try Self.path(of: script)]
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        var line: [UInt8] = []
        while let byte = try stdout.fileHandleForReading.read(upToCount: 1)?.first, byte != UInt8(ascii: "\n") {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            throw ValidationError("the test server did not print its port")
        }
        self.port = port
    }

    deinit {
        process.terminate()
    }

    /// The script, found from this source file's checkout.
    private static func path(of script: String) throws -> String {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let path = folder.appendingPathComponent("Tests/Support/\(script)")
            if FileManager.default.fileExists(atPath: path.path) { return path.path }
            folder.deleteLastPathComponent()
        }
        throw ValidationError("Tests/Support/\(script) not found above \(#filePath)")
    }
}
