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
        let server = url == nil ? try BenchmarkServer(script: "http_test_server.py") : nil
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
}
