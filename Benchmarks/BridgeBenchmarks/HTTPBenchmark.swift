import ArgumentParser
import BenchmarkSupport
import Foundation
import HTTPClient
import Logging

/// Many concurrent slow requests through one ``HTTPClient``: wall time, latency percentiles and
/// the process's thread count, against the floor of the server's own delay.
struct HTTPBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "http",
        abstract: "N concurrent requests to /slow?ms=D through the libcurl multi bridge."
    )

    @Option(help: "Base URL of a running Tests/Support/http_test_server.py; started here when omitted.")
    var url: String?

    @Option(help: "How many requests run at once.")
    var requests = 1000

    @Option(help: "How long the server holds each request, in milliseconds (the floor).")
    var delayMs = 500

    func run() async throws {
        let fileLimit = raiseFileLimit()
        let server = url == nil ? try BenchmarkServer() : nil
        let base = url ?? "http://127.0.0.1:\(server?.port ?? 0)"
        let client = try HTTPClient(
            configuration: .init(timeout: .seconds(120), proxy: .none),
            logger: Logger(label: "plutus.bench.http")
        )
        _ = try await client.execute(HTTPRequest(url: "\(base)/ok"))  // connects and starts the loop thread
        let result = try await measure(client, url: "\(base)/slow?ms=\(delayMs)")
        await client.shutdown()
        report(result, fileLimit: fileLimit, afterShutdown: ThreadCount.current())
    }

    private struct Result {
        var wall: Duration
        var latencies: [Duration]
        var threadsBefore: Int
        var threadsPeak: Int
        var threadsAfter: Int
        var failures: Int
    }

    private func measure(_ client: HTTPClient, url: String) async throws -> Result {
        let before = ThreadCount.current()
        let sampler = Task { await ThreadCount.peak() }
        let start = ContinuousClock.now
        let outcomes = await withTaskGroup(of: Duration?.self) { group in
            for _ in 0..<requests {
                group.addTask {
                    let sent = ContinuousClock.now
                    let response = try? await client.execute(HTTPRequest(url: url))
                    return response?.status == 200 ? ContinuousClock.now - sent : nil
                }
            }
            return await group.reduce(into: [Duration?]()) { $0.append($1) }
        }
        let wall = ContinuousClock.now - start
        sampler.cancel()
        let peak = max(await sampler.value, before)
        let latencies = outcomes.compactMap { $0 }.sorted()
        return Result(
            wall: wall, latencies: latencies, threadsBefore: before, threadsPeak: peak,
            threadsAfter: ThreadCount.current(), failures: requests - latencies.count
        )
    }

    private func report(_ result: Result, fileLimit: Int, afterShutdown: Int) {
        print(
            "http: \(requests) concurrent GET /slow?ms=\(delayMs) through one HTTPClient (RLIMIT_NOFILE \(fileLimit))")
        print("  wall time:      \(formatted(result.wall.milliseconds)) ms (floor \(delayMs) ms)")
        print("  latency p50:    \(formatted(sortedPercentile(result.latencies, 0.50).milliseconds)) ms")
        print("  latency p99:    \(formatted(sortedPercentile(result.latencies, 0.99).milliseconds)) ms")
        print("  failures:       \(result.failures)")
        print("  threads before: \(result.threadsBefore)")
        print("  threads peak:   \(result.threadsPeak)")
        print("  threads after:  \(result.threadsAfter) (after shutdown: \(afterShutdown))")
    }

    /// Raises the soft open-file limit to the hard one: each request holds a socket.
    private func raiseFileLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return -1 }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        return Int(limit.rlim_cur)
    }
}

/// The process's thread count, read from `/proc/self/status`.
private enum ThreadCount {
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

/// `Tests/Support/http_test_server.py` as a child process; it exits when this process does,
/// because it reads its stdin (a pipe only this process holds) until EOF.
private final class BenchmarkServer {
    let port: Int
    private let process = Process()
    private let stdin = Pipe()

    init() throws {
        let stdout = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", try Self.scriptPath()]
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
    private static func scriptPath() throws -> String {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let script = folder.appendingPathComponent("Tests/Support/http_test_server.py")
            if FileManager.default.fileExists(atPath: script.path) { return script.path }
            folder.deleteLastPathComponent()
        }
        throw ValidationError("Tests/Support/http_test_server.py not found above \(#filePath)")
    }
}
