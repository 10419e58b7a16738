import ArgumentParser
import BenchmarkSupport
import ContextEngine
import Foundation
import Logging
import PlutusData
import PlutusWire
import Postgres
import RPCCore
import RPCTransport
import Redis

/// `plutus-bench-context`: seeds demo households into a database of its own, then times
/// `GetContext` over RPC (a Unix socket) on cache hits and misses, with 1 and 32 callers, beside
/// floors measured in the same run: an RPC health check, a Redis GET and a PostgreSQL `SELECT 1`.
/// Hits are timed twice: served from Redis (a context engine without local entries) and served
/// from the engine's memory, as `plutus-context` runs by default.
@main
struct ContextBenchmarks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plutus-bench-context",
        abstract: "Seed households, then time GetContext over RPC: cache hits and misses, 1 and 32 callers.")

    @Option(help: "Households to seed.") var users = 10_000
    @Option(help: "The seed.") var seed: UInt64 = 42
    @Option(help: "Calls per measurement.") var calls = 2_000
    @Option(help: "The benchmark's own database, made next to $DATABASE_URL's.") var database = "plutus_bench_context"
    @Flag(inversion: .prefixedNo, help: "Drop and re-seed the database first (times the seed).") var fresh = true

    func run() async throws {
        let logger = Logger(label: "plutus.bench.context")
        let environment = ProcessInfo.processInfo.environment
        guard let mainURL = environment["DATABASE_URL"], let redisURL = environment["REDIS_URL"],
            let slash = mainURL.lastIndex(of: "/")
        else { throw ValidationError("set DATABASE_URL and REDIS_URL (make services writes them to .data/services.env)") }
        let url = String(mainURL[...slash]) + database

        if fresh {
            let admin = PostgresClient(configuration: try .init(url: mainURL, maximumConnections: 1), logger: logger)
            try await admin.query(PostgresQuery(sql: "DROP DATABASE IF EXISTS \"\(database)\" WITH (FORCE)"))
            try await admin.query(PostgresQuery(sql: "CREATE DATABASE \"\(database)\""))
            await admin.shutdown()
        }
        let client = PostgresClient(configuration: try .init(url: url, maximumConnections: 16), logger: logger)
        try await Migrator(client: client, logger: logger).migrate(standalone: true)
        let seedStart = ContinuousClock.now
        let summary = try await DemoSeeder(client: client, logger: logger).seed(users: users, seed: seed)
        let seedTime = ContinuousClock.now - seedStart
        try await client.query("ANALYZE")
        let userIDs = try await client.query("SELECT id::text AS id FROM users ORDER BY id").map {
            try $0.decode("id", as: String.self)
        }

        var redisConfiguration = try RedisConfiguration(url: redisURL)
        redisConfiguration.poolSize = 16  // as plutus-context runs it
        let redis = RedisClient(configuration: redisConfiguration, logger: logger)
        let cipher = try DataCipher(keyList: DataCipher.generateKeyEntry(id: "bench"))
        let cache = ContextCache(redis: redis, logger: logger)
        for user in userIDs { await cache.invalidate(user) }  // no entry left from an earlier run
        // The engine as `plutus-context` runs it, keeping the contexts it serves in memory too.
        let memoryCache = ContextCache(redis: redis, localEntries: 4_096, logger: logger)
        guard let listener = memoryCache.invalidationListener else { throw ValidationError("no local entries") }
        let listening = Task { try await listener.run() }

        let (server, connection) = try await serve(
            ContextEngine(client: client, cache: cache, hostTables: HostTables(), cipher: cipher, memories: NoMemories(), logger: logger),
            name: "redis", logger: logger)
        let (memoryServer, memoryConnection) = try await serve(
            ContextEngine(client: client, cache: memoryCache, hostTables: HostTables(), cipher: cipher, memories: NoMemories(), logger: logger),
            name: "memory", logger: logger)

        print("## GetContext over RPC (Unix socket), \(userIDs.count) seeded households")
        if summary.alreadySeeded {
            print("seed: already seeded (run with --fresh to time it)")
        } else {
            print(
                "seed: \(summary.users) households, \(summary.transactions) transactions, \(summary.balances) balances "
                    + "in \(formatted(seedTime.seconds)) s (target: under 60 s)")
        }
        print("")
        print("| measure | callers | p50 ms | p99 ms | target | result |")
        print("|---|---:|---:|---:|---|---|")
        let health = try await LatencySamples.measure(callers: 1, calls: calls) { _ in
            let _: HealthCheckResponse = try await connection.unary(
                RPCMethod(service: "plutus.v1.Health", method: "Check"), HealthCheckRequest())
        }
        row("floor: RPC health check", 1, health)
        let key = "plutus:bench:floor"
        try await redis.set(key, to: Array(repeating: 7, count: 2_000))
        row("floor: Redis GET (2 kB)", 1, try await LatencySamples.measure(callers: 1, calls: calls) { _ in _ = try await redis.get(key) })
        row("floor: PostgreSQL SELECT 1", 1, try await LatencySamples.measure(callers: 1, calls: calls) { _ in try await client.query("SELECT 1") })

        let getContext: @Sendable (String) async throws -> Void = { user in
            let _: UserContext = try await connection.unary(ContextEngineRPC.getContext, GetContextRequest(userID: user))
        }
        let getContextFromMemory: @Sendable (String) async throws -> Void = { user in
            let _: UserContext = try await memoryConnection.unary(ContextEngineRPC.getContext, GetContextRequest(userID: user))
        }
        // Misses: every call asks for a household nobody has asked for yet. Each round is warmed up
        // first with 8 misses per caller, not timed: the pool opens a PostgreSQL connection per
        // concurrent build, and a fresh backend's first statements (connecting, preparing, filling
        // its catalog caches) would otherwise be the slowest 1 %, measuring start-up, not load.
        var unused = userIDs[...]
        for callers in [1, 32] {
            let warmUp = Array(unused.prefix(8 * callers))
            unused = unused.dropFirst(warmUp.count)
            _ = try await LatencySamples.measure(callers: callers, calls: warmUp.count) { index in try await getContext(warmUp[index]) }
            let count = min(calls, unused.count)
            let batch = Array(unused.prefix(count))
            unused = unused.dropFirst(count)
            let samples = try await LatencySamples.measure(callers: callers, calls: count) { index in try await getContext(batch[index]) }
            row("cache miss (built from PostgreSQL)", callers, samples, target: .milliseconds(25))
        }
        // What a caller spends decoding an answer, on a warm context.
        if let first = userIDs.first, let entry = await cache.entry(of: first) {
            let decode = try await LatencySamples.measure(callers: 1, calls: calls) { _ in _ = try UserContext(serializedBytes: entry.encoded) }
            row("decoding one context (\(entry.encoded.count) bytes)", 1, decode)
        }
        // Hits: the households just built are all cached.
        let warm = Array(userIDs.prefix(min(calls, userIDs.count)))
        for callers in [1, 32] {
            let samples = try await LatencySamples.measure(callers: callers, calls: calls) { index in try await getContext(warm[index % warm.count]) }
            row("cache hit, from Redis", callers, samples, target: .milliseconds(2))
        }
        while !memoryCache.servesFromMemory { try await Task.sleep(for: .milliseconds(10)) }
        for user in warm { try await getContextFromMemory(user) }  // the first read of each comes from Redis
        for callers in [1, 32] {
            let samples = try await LatencySamples.measure(callers: callers, calls: calls) { index in
                try await getContextFromMemory(warm[index % warm.count])
            }
            row("cache hit, from the engine's memory", callers, samples, target: .milliseconds(2))
        }

        listening.cancel()
        try await memoryConnection.close()
        try await memoryServer.close()
        try await connection.close()
        try await server.close()
        await redis.shutdown()
        await client.shutdown()
    }

    /// Serves `engine` (and a health check) on a Unix socket of its own, with one client connection to it.
    private func serve(_ engine: ContextEngine, name: String, logger: Logger) async throws -> (RPCServer, RPCClientConnection) {
        var router = RPCRouter()
        ContextEngineRPC.register(engine, on: &router)
        HealthService { _ in .serving }.register(in: &router)
        let socket = NSTemporaryDirectory() + "plutus-bench-context-\(getpid())-\(name).sock"
        let server = try await RPCServer.bind(.unix(path: socket), router: router, logger: logger)
        return (server, try await RPCClientConnection.connect(to: .unix(path: socket), logger: logger))
    }

    private func row(_ name: String, _ callers: Int, _ samples: LatencySamples, target: Duration? = nil) {
        let p99 = samples.percentile(0.99)
        let verdict = target.map { p99 < $0 ? "PASS" : "MISS" } ?? "–"
        let targetText = target.map { "p99 < \(formatted($0.milliseconds, 0)) ms" } ?? "–"
        print(
            "| \(name) | \(callers) | \(formatted(samples.percentile(0.5).milliseconds, 3)) | \(formatted(p99.milliseconds, 3)) "
                + "| \(targetText) | \(verdict) |")
    }
}
