import ArgumentParser
import Foundation
import HTTPClient
import Logging
import PlutusAuth
import Postgres

/// `plutus-loadgen`: virtual users against the HTTP API, as the app uses it. Each starts a
/// conversation, sends a mix of messages across every route, reads the history and ends it, over
/// and over. Closed loop (`--users N`: N users, each waiting for its answer) or open loop
/// (`--rate R`: R messages a second whatever the answers, latency counted from when each was
/// due). Prints HDR-histogram percentiles, throughput and errors by kind, and writes them as JSON.
@main
struct LoadGenerator: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plutus-loadgen", abstract: "Load the HTTP API with virtual users; report latency, throughput and errors.")

    @Option(help: "The API's base URL.")
    var url = "http://127.0.0.1:8080"

    @Option(help: "Virtual users (closed loop), or conversations to spread messages over (open loop).")
    var users = 16

    @Option(help: "Open loop: messages a second, sent on schedule whatever the answers.")
    var rate: Double?

    @Option(help: "Seconds to measure (after a warm-up of --warmup seconds).")
    var seconds = 20.0

    @Option(help: "Seconds of load before measuring.")
    var warmup = 3.0

    @Option(help: "PostgreSQL with the seeded users whose tokens the virtual users carry (default: $DATABASE_URL).")
    var databaseURL = ProcessInfo.processInfo.environment["DATABASE_URL"] ?? ""

    @Option(help: "Write the report as JSON here.")
    var output: String?

    func validate() throws {
        guard users >= 1 else { throw ValidationError("--users must be at least 1") }
        guard seconds > 0, warmup >= 0 else { throw ValidationError("--seconds must be positive, --warmup not negative") }
        if let rate, rate <= 0 { throw ValidationError("--rate must be positive") }
        guard !databaseURL.isEmpty else { throw ValidationError("pass --database-url or set DATABASE_URL (the seeded users)") }
    }

    func run() async throws {
        guard let secret = ProcessInfo.processInfo.environment["PLUTUS_JWT_SECRET"], !secret.isEmpty else {
            throw ValidationError("PLUTUS_JWT_SECRET is not set: the virtual users need tokens")
        }
        let logger = Logger(label: "plutus.loadgen")
        let tokens = try await AccessTokens.make(secret: secret, policy: .init(environment: ProcessInfo.processInfo.environment))
        let people = try await Self.seededUsers(databaseURL, count: users, logger: logger)
        guard !people.isEmpty else { throw ValidationError("no seeded users: run `plutus seed` (make data)") }
        let http = try HTTPClient(
            configuration: .init(timeout: .seconds(60), proxy: .none), logger: logger)
        var clients: [APIClient] = []
        for index in 0..<users {
            let user = people[index % people.count]
            clients.append(APIClient(http: http, base: url + "/api/v1/plutus", token: try await tokens.issue(userID: user)))
        }
        let recorder = LoadRecorder()
        let load = Load(clients: clients, recorder: recorder)
        let mode = rate.map { "open loop, \($0) messages/s over \(users) conversations" } ?? "closed loop, \(users) users"
        FileHandle.standardError.write(Data("plutus-loadgen: \(mode) against \(url), \(warmup) s warm-up, \(seconds) s measured\n".utf8))
        let report = try await load.run(rate: rate, warmup: .seconds(warmup), measure: .seconds(seconds), mode: mode)
        await http.shutdown()
        print(report.text)
        if let output {
            try report.json().write(to: URL(fileURLWithPath: output))
        }
    }

    static func seededUsers(_ url: String, count: Int, logger: Logger) async throws -> [String] {
        let database = PostgresClient(configuration: try .init(url: url, maximumConnections: 1), logger: logger)
        defer { Task { await database.shutdown() } }
        let rows = try await database.query("SELECT id::text AS id FROM users ORDER BY id LIMIT \(count)")
        return try rows.map { try $0.decode("id", as: String.self) }
    }
}
