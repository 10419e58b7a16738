import ArgumentParser
import BenchmarkSupport
import Foundation
import Logging
import Redis

/// GET/SET throughput through ``RedisClient`` next to `redis-benchmark` against the same server.
struct RedisBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redis",
        abstract: "GET/SET through RedisClient (sequential, pipelined, concurrent) against redis-benchmark's floor."
    )

    @Option(help: "The server (default: $REDIS_URL).") var url: String?
    @Option(help: "Requests per measurement.") var requests = 100_000
    @Option(help: "Commands per pipeline.") var pipeline = 100
    @Option(help: "Concurrent tasks for the pooled case.") var tasks = 50
    @Option(help: "RedisClient pool size.") var poolSize = 8
    @Flag(help: "Skip redis-benchmark.") var noFloor = false

    func run() async throws {
        let url =
            try self.url ?? ProcessInfo.processInfo.environment["REDIS_URL"]
            ?? {
                throw ValidationError("pass --url or set REDIS_URL")
            }()
        var configuration = try RedisConfiguration(url: url)
        configuration.poolSize = poolSize
        var logger = Logger(label: "plutus-bench.redis")
        logger.logLevel = .warning
        let client = RedisClient(configuration: configuration, logger: logger)
        print("Redis at \(url): \(requests) requests per case, pipeline \(pipeline), \(tasks) tasks, pool \(poolSize)")
        let ours = try await measureClient(client)
        await client.shutdown()
        let floors =
            noFloor ? [:] : try FloorRunner(url: url, requests: requests).run(pipeline: pipeline, clients: tasks)
        Report(ours: ours, floors: floors).print()
    }

    private func measureClient(_ client: RedisClient) async throws -> [Case: Double] {
        let key = "key:__rand_int__"
        let value = Array("xxx".utf8)
        let workload = Workload(client: client, key: key, value: value, requests: requests)
        _ = try await workload.sequential(.set, count: min(requests, 5_000))  // warm up
        var results: [Case: Double] = [:]
        for command in [Command.set, .get] {
            results[Case(shape: .sequential, command: command)] = try await workload.sequential(
                command, count: requests)
            results[Case(shape: .pipelined, command: command)] = try await workload.pipelined(command, batch: pipeline)
            results[Case(shape: .concurrent, command: command)] = try await workload.concurrent(command, tasks: tasks)
        }
        return results
    }
}

// MARK: - Workload

extension RedisBenchmark {
    enum Command: String, CaseIterable, Sendable {
        case set = "SET"
        case get = "GET"
    }

    enum Shape: String, CaseIterable, Sendable {
        case sequential, pipelined, concurrent
    }

    struct Case: Hashable, Sendable {
        let shape: Shape
        let command: Command
    }

    /// Runs one command shape through a ``RedisClient`` and returns requests per second.
    struct Workload: Sendable {
        let client: RedisClient
        let key: String
        let value: [UInt8]
        let requests: Int

        func sequential(_ command: Command, count: Int) async throws -> Double {
            try await rate(count) {
                for _ in 0..<count { try await once(command) }
            }
        }

        func pipelined(_ command: Command, batch: Int) async throws -> Double {
            let commands = Array(repeating: arguments(command), count: batch)
            let batches = requests / batch
            return try await rate(batches * batch) {
                for _ in 0..<batches { _ = try await client.pipeline(commands) }
            }
        }

        func concurrent(_ command: Command, tasks: Int) async throws -> Double {
            let perTask = requests / tasks
            return try await rate(perTask * tasks) {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<tasks {
                        group.addTask { for _ in 0..<perTask { try await once(command) } }
                    }
                    try await group.waitForAll()
                }
            }
        }

        private func once(_ command: Command) async throws {
            switch command {
            case .set: try await client.set(key, to: value)
            case .get: _ = try await client.get(key)
            }
        }

        private func arguments(_ command: Command) -> [RESPArgument] {
            switch command {
            case .set: ["SET", RESPArgument(key), RESPArgument(value)]
            case .get: ["GET", RESPArgument(key)]
            }
        }

        private func rate(_ count: Int, _ body: () async throws -> Void) async throws -> Double {
            let clock = ContinuousClock()
            let elapsed = try await clock.measure(body)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return Double(count) / seconds
        }
    }
}

// MARK: - Floor

extension RedisBenchmark {
    /// Runs `redis-benchmark` against the same server, in the same three shapes.
    struct FloorRunner {
        let url: String
        let requests: Int

        /// Requests per second per case, from `redis-benchmark -q`.
        func run(pipeline: Int, clients: Int) throws -> [Case: Double] {
            let shapes: [(Shape, [String])] = [
                (.sequential, ["-c", "1"]),
                (.pipelined, ["-c", "1", "-P", String(pipeline)]),
                (.concurrent, ["-c", String(clients)]),
            ]
            var results: [Case: Double] = [:]
            for (shape, extra) in shapes {
                let arguments = try target() + ["-t", "set,get", "-n", String(requests), "-q"] + extra
                print("floor: redis-benchmark " + arguments.joined(separator: " "))
                for (command, rate) in try Self.parse(Self.runBenchmark(arguments)) {
                    results[Case(shape: shape, command: command)] = rate
                }
            }
            return results
        }

        /// `-h HOST -p PORT` or `-s SOCKET`, and `-a`/`--dbnum` when the URL has them.
        private func target() throws -> [String] {
            guard let components = URLComponents(string: url) else { throw ValidationError("bad URL \(url)") }
            var arguments =
                components.scheme == "unix"
                ? ["-s", components.path]
                : ["-h", components.host ?? "127.0.0.1", "-p", String(components.port ?? 6379)]
            if let password = components.password { arguments += ["-a", password, "--no-auth-warning"] }
            let database = components.scheme == "unix" ? nil : Int(components.path.dropFirst())
            if let database, database != 0 { arguments += ["--dbnum", String(database)] }
            return arguments
        }

        private static func runBenchmark(_ arguments: [String]) throws -> String {
            try ExternalCommand.run(["redis-benchmark"] + arguments)
        }

        /// Reads lines like `SET: 98039.22 requests per second, p50=0.271 msec` (progress lines end in `\r`).
        static func parse(_ output: String) -> [(Command, Double)] {
            output.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).compactMap { line in
                guard line.contains("requests per second"), let colon = line.firstIndex(of: ":"),
                    let command = Command(rawValue: String(line[..<colon]).trimmingCharacters(in: .whitespaces))
                else { return nil }
                let number = line[line.index(after: colon)...].split(separator: " ").first
                return number.flatMap { Double($0) }.map { (command, $0) }
            }
        }
    }
}

// MARK: - Report

extension RedisBenchmark {
    /// The side-by-side table.
    struct Report {
        let ours: [Case: Double]
        let floors: [Case: Double]

        func print() {
            Swift.print("")
            Swift.print(row("case", "RedisClient req/s", "µs/req", "redis-benchmark req/s", "ratio"))
            for shape in Shape.allCases {
                for command in Command.allCases {
                    let key = Case(shape: shape, command: command)
                    guard let rate = ours[key] else { continue }
                    let floor = floors[key]
                    Swift.print(
                        row(
                            "\(shape.rawValue) \(command.rawValue)", formatted(rate, 0), formatted(1e6 / rate, 1),
                            floor.map { formatted($0, 0) } ?? "-", floor.map { formatted(rate / $0 * 100, 0) + " %" } ?? "-"))
                }
            }
        }

        private func row(_ columns: String...) -> String {
            let widths = [18, 18, 8, 22, 7]
            return zip(columns, widths).map { column, width in column.leftPadded(width) }.joined(separator: "  ")
        }
    }
}
