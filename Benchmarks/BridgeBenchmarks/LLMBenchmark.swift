import ArgumentParser
import BenchmarkSupport
import HTTPClient
import LanguageModels
import Logging

/// Many concurrent model calls through one ``LanguageModel`` (redaction, retries, breaker and
/// the libcurl multi bridge) to a local server that answers each after one second: they should
/// all finish in about the time one takes, on a flat thread count.
struct LLMBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "llm",
        abstract: "N concurrent model calls to Tests/Support/llm_test_server.py's /bench route (1 s per answer)."
    )

    @Option(help: "How many calls run at once.")
    var calls = 500

    @Option(help: "The wire format: anthropic or openai.")
    var provider = "anthropic"

    func run() async throws {
        let fileLimit = raiseFileLimit()
        let server = try BenchmarkServer(script: "llm_test_server.py")
        let http = try HTTPClient(configuration: .init(timeout: .seconds(120), proxy: .none), logger: Logger(label: "plutus.bench.llm"))
        let base = "http://127.0.0.1:\(server.port)/bench"
        let client: any ModelClient =
            provider == "openai"
            ? OpenAIClient(http: http, apiKey: nil, model: "bench", baseURL: base)
            : AnthropicClient(http: http, apiKey: "bench-key", model: "bench", baseURL: base)
        var logger = Logger(label: "plutus.bench.llm")
        logger.logLevel = .warning
        let model = LanguageModel(client: client, logger: logger)
        let request = ModelRequest(messages: [.init(.user, "How am I doing?")], maxTokens: 64)

        // The floor, in this run: one call on its own.
        let floorStart = ContinuousClock.now
        _ = try await model.respond(to: request, for: ModelCaller(userID: "floor", purpose: "bench"))
        let floor = ContinuousClock.now - floorStart

        let before = ThreadCount.current()
        let sampler = Task { await ThreadCount.peak() }
        let start = ContinuousClock.now
        let latencies = await withTaskGroup(of: Duration?.self) { group in
            for index in 0..<calls {
                group.addTask {
                    let sent = ContinuousClock.now
                    let caller = ModelCaller(userID: "user-\(index)", purpose: "bench")
                    let response = try? await model.respond(to: request, for: caller)
                    return response == nil ? nil : ContinuousClock.now - sent
                }
            }
            return await group.reduce(into: [Duration]()) { if let latency = $1 { $0.append(latency) } }
        }.sorted()
        let wall = ContinuousClock.now - start
        sampler.cancel()
        let peak = max(await sampler.value, before)
        await http.shutdown()

        print("llm: \(calls) concurrent \(provider) calls through one LanguageModel (RLIMIT_NOFILE \(fileLimit))")
        print("  floor (one call): \(formatted(floor.milliseconds)) ms")
        print("  wall time:        \(formatted(wall.milliseconds)) ms (\(formatted(wall / floor, 2))x the floor)")
        print("  latency p50:      \(formatted(sortedPercentile(latencies, 0.50).milliseconds)) ms")
        print("  latency p99:      \(formatted(sortedPercentile(latencies, 0.99).milliseconds)) ms")
        print("  failures:         \(calls - latencies.count)")
        print("  threads before:   \(before)")
        print("  threads peak:     \(peak)")
    }
}
