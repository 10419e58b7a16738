import ArgumentParser
import BenchmarkSupport
import CLibPQ
import Foundation
import Logging
import Postgres

/// Point queries through ``PostgresClient`` against the floor in the same run: `pgbench -S`
/// (C, prepared statements) and a bare libpq loop from Swift with no pool, actor or decoding.
struct PostgresBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postgres",
        abstract: "Point-query round trips: the pooled bridge vs pgbench -S and raw libpq, in one run."
    )

    @Option(help: "Database URL (default: $DATABASE_URL).")
    var url: String?

    @Option(help: "Seconds each measurement runs.")
    var seconds = 5

    @Option(help: "Concurrent callers (and pool size, and pgbench clients) for the concurrent case.")
    var tasks = 8

    static let pointQuery = "SELECT abalance FROM pgbench_accounts WHERE aid = $1"
    static let accounts = 100_000

    func run() async throws {
        guard let url = url ?? ProcessInfo.processInfo.environment["DATABASE_URL"] else {
            throw ValidationError("give --url or set DATABASE_URL (make services prints it)")
        }
        _ = try ExternalCommand.run(["pgbench", "-i", "-s", "1", "-q", "-n", url])
        let duration = Duration.seconds(seconds)

        let pgbenchSequential = try PgbenchFloor.run(url: url, clients: 1, seconds: seconds)
        let raw = try RawLibPQLoop.run(url: url, for: duration)
        let client = PostgresClient(
            configuration: try PostgresConfiguration(url: url, maximumConnections: tasks),
            logger: Logger(label: "plutus.bench.postgres"))
        let bridge = try await BridgeLoop.sequential(client, for: duration)
        let pgbenchConcurrent = try PgbenchFloor.run(url: url, clients: tasks, seconds: seconds)
        let bridgeConcurrent = try await BridgeLoop.concurrent(client, tasks: tasks, for: duration)
        await client.shutdown()

        print("postgres: SELECT abalance FROM pgbench_accounts WHERE aid = $1 (random aid), \(seconds) s per case")
        print("  sequential, 1 connection        calls/s    mean µs    p50 µs    p99 µs")
        print("    pgbench -S -M prepared (C)   \(row(pgbenchSequential))")
        print("    raw libpq loop (Swift)       \(row(raw))")
        print("    PostgresClient (pool, actor) \(row(bridge))")
        print("  ratio PostgresClient/raw libpq mean latency: \(formatted(bridge.meanMicroseconds / raw.meanMicroseconds, 2))")
        print("  concurrent, \(tasks) callers / connections")
        print("    pgbench -S -M prepared -c \(tasks) -j 2   \(formatted(pgbenchConcurrent.callsPerSecond, 0)) calls/s")
        print("    PostgresClient, \(tasks) tasks       \(formatted(bridgeConcurrent.callsPerSecond, 0)) calls/s")
        print("  ratio PostgresClient/pgbench throughput: \(formatted(bridgeConcurrent.callsPerSecond / pgbenchConcurrent.callsPerSecond, 2))")
    }

    private func row(_ result: Measurement) -> String {
        [
            formatted(result.callsPerSecond, 0).leftPadded(9), formatted(result.meanMicroseconds).leftPadded(10),
            (result.p50.map { formatted($0.microseconds) } ?? "-").leftPadded(9),
            (result.p99.map { formatted($0.microseconds) } ?? "-").leftPadded(9),
        ].joined(separator: " ")
    }
}

struct Measurement {
    var calls: Int
    var elapsed: Duration
    var p50: Duration?
    var p99: Duration?

    var callsPerSecond: Double { Double(calls) / elapsed.seconds }
    var meanMicroseconds: Double { elapsed.microseconds / Double(max(calls, 1)) }

    init(calls: Int, elapsed: Duration, latencies: LatencySamples? = nil) {
        self.calls = calls
        self.elapsed = elapsed
        self.p50 = latencies?.percentile(0.50)
        self.p99 = latencies?.percentile(0.99)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

/// The floor everyone knows: PostgreSQL's own `pgbench -S` (select-only, prepared).
enum PgbenchFloor {
    static func run(url: String, clients: Int, seconds: Int) throws -> Measurement {
        let output = try ExternalCommand.run([
            "pgbench", "-S", "-M", "prepared", "-n", "-c", "\(clients)", "-j", "\(min(clients, 2))",
            "-T", "\(seconds)", url,
        ])
        guard let tps = number(after: "tps = ", in: output), let latency = number(after: "latency average = ", in: output)
        else { throw ExternalCommand.Failed(description: "unexpected pgbench output: \(output)") }
        let calls = Int(tps * Double(seconds))
        let elapsed = Duration.seconds(Double(calls) * latency / 1000 / Double(clients))
        return Measurement(calls: calls, elapsed: elapsed == .zero ? .seconds(seconds) : elapsed)
    }

    private static func number(after marker: String, in text: String) -> Double? {
        guard let range = text.range(of: marker) else { return nil }
        return Double(text[range.upperBound...].prefix { $0.isNumber || $0 == "." })
    }
}

/// The same statement through libpq with nothing of ours around it: one connection, prepared once.
enum RawLibPQLoop {
    static func run(url: String, for duration: Duration) throws -> Measurement {
        guard let connection = PQconnectdb(url), PQstatus(connection) == CONNECTION_OK else {
            throw ExternalCommand.Failed(description: "raw libpq could not connect to \(url)")
        }
        defer { PQfinish(connection) }
        PQclear(PQprepare(connection, "point", PostgresBenchmark.pointQuery, 1, nil))
        var latencies = LatencySamples()
        var calls = 0
        let clock = ContinuousClock()
        let start = clock.now
        while clock.now - start < duration {
            let aid = String(Int.random(in: 1...PostgresBenchmark.accounts))
            let sent = clock.now
            let result = aid.withCString { value in
                withUnsafePointer(to: value) { values in
                    PQexecPrepared(connection, "point", 1, values, nil, nil, 0)
                }
            }
            guard PQresultStatus(result) == PGRES_TUPLES_OK, PQntuples(result) == 1 else {
                PQclear(result)
                throw ExternalCommand.Failed(description: "raw libpq query failed")
            }
            _ = PQgetvalue(result, 0, 0).map { Int(String(cString: $0)) }
            PQclear(result)
            latencies.record(clock.now - sent)
            calls += 1
        }
        return Measurement(calls: calls, elapsed: clock.now - start, latencies: latencies)
    }
}

/// The bridge as Plutus uses it: a pooled client, bound parameters, a decoded column.
enum BridgeLoop {
    static func sequential(_ client: PostgresClient, for duration: Duration) async throws -> Measurement {
        _ = try await pointQuery(client)
        var latencies = LatencySamples()
        var calls = 0
        let clock = ContinuousClock()
        let start = clock.now
        while clock.now - start < duration {
            let sent = clock.now
            _ = try await pointQuery(client)
            latencies.record(clock.now - sent)
            calls += 1
        }
        return Measurement(calls: calls, elapsed: clock.now - start, latencies: latencies)
    }

    static func concurrent(_ client: PostgresClient, tasks: Int, for duration: Duration) async throws -> Measurement {
        let clock = ContinuousClock()
        let start = clock.now
        let calls = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<tasks {
                group.addTask {
                    var calls = 0
                    while clock.now - start < duration {
                        _ = try await pointQuery(client)
                        calls += 1
                    }
                    return calls
                }
            }
            return try await group.reduce(0, +)
        }
        return Measurement(calls: calls, elapsed: clock.now - start)
    }

    private static func pointQuery(_ client: PostgresClient) async throws -> Int {
        let aid = Int32.random(in: 1...Int32(PostgresBenchmark.accounts))
        let rows = try await client.query("SELECT abalance FROM pgbench_accounts WHERE aid = \(aid)")
        return try rows.first?.decode("abalance", as: Int.self) ?? 0
    }
}
