import ArgumentParser
import BenchmarkSupport
import Coach
import CoachGraph
import CoachLanguage
import ContextEngine
import FinanceEngine
import Foundation
import Logging
import PlutusCluster
import PlutusData
import PlutusWire
import Postgres
import ProcessSupport
import StateGraph
import RPCCore
import RPCTransport

/// `plutus-bench-coach`: the conversation graph's orchestration overhead. It seeds households
/// into a database of its own, starts `plutus-context` and the four agents (offline engine) on
/// Unix sockets, and times whole turns through the graph — every RPC hop and every checkpoint —
/// with 1 and 64 concurrent conversations, beside floors measured in the same run.
@main
struct CoachBenchmarks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plutus-bench-coach",
        abstract: "Time turns through the conversation graph over real RPC, with 1 and 64 conversations.")

    @Option(help: "Turns per measurement.") var turns = 2_000
    @Option(help: "Households to seed (one per concurrent conversation).") var users = 64
    @Option(help: "The benchmark's own database, made next to $DATABASE_URL's.") var database = "plutus_bench_coach"

    /// What a person asks, in turn: an analysis, advice, a general check-in, small talk.
    static let messages = [
        "what's my net worth", "should I pay off my loans or invest", "how am I doing?", "hi there", "thanks, bye",
    ]

    func run() async throws {
        let logger = Logger(label: "plutus.bench.coach")
        let environment = ProcessInfo.processInfo.environment
        guard let mainURL = environment["DATABASE_URL"], environment["REDIS_URL"] != nil,
            let slash = mainURL.lastIndex(of: "/")
        else { throw ValidationError("set DATABASE_URL and REDIS_URL (make services writes them to .data/services.env)") }
        let url = String(mainURL[...slash]) + database
        let admin = PostgresClient(configuration: try .init(url: mainURL, maximumConnections: 1), logger: logger)
        try await admin.query(PostgresQuery(sql: "DROP DATABASE IF EXISTS \"\(database)\" WITH (FORCE)"))
        try await admin.query(PostgresQuery(sql: "CREATE DATABASE \"\(database)\""))
        await admin.shutdown()

        let client = PostgresClient(configuration: try .init(url: url, maximumConnections: 16), logger: logger)
        try await Migrator(client: client, logger: logger).migrate(standalone: true)
        _ = try await DemoSeeder(client: client, logger: logger).seed(users: users, seed: 99)
        let userIDs = try await client.query("SELECT id::text AS id FROM users ORDER BY id").map {
            try $0.decode("id", as: String.self)
        }
        let keyList = DataCipher.generateKeyEntry(id: "bench")
        let cipher = try DataCipher(keyList: keyList)
        var serviceEnvironment = environment
        serviceEnvironment["DATABASE_URL"] = url
        serviceEnvironment["PLUTUS_DATA_KEY"] = keyList
        serviceEnvironment["PLUTUS_CONTEXT_EVENTS"] = "off"
        serviceEnvironment["PLUTUS_LOG_LEVEL"] = "warning"
        let cluster = try await BenchCluster.start(environment: serviceEnvironment, logger: logger)

        let conversations = ConversationStore(client: client, cipher: cipher)
        var conversationIDs: [String] = []
        for user in userIDs { conversationIDs.append(try await conversations.start(userID: user).id) }
        let graph = try CoachGraph.make(services: cluster.services)
        let checkpointer = PostgresCheckpointer(client: client, cipher: cipher)
        let users = userIDs
        let ids = conversationIDs
        let nodeTimes = NodeTimes()
        let turn: @Sendable (Int, Int) async throws -> Void = { conversation, index in
            let runID = UUID().uuidString.lowercased()
            let state = CoachTurnState(
                runID: runID, userID: users[conversation], conversationID: ids[conversation],
                message: Self.messages[index % Self.messages.count], today: "2026-11-25")
            _ = try await graph.run(state, runID: runID, checkpointer: checkpointer) { event in
                if case .nodeFinished(let node, _, let duration) = event { await nodeTimes.record(node, duration) }
            }
        }

        // Warm every household's cached context and each connection.
        for conversation in users.indices { try await turn(conversation, 0) }

        let sample: UserContext = try await cluster.services.context.unary(
            ContextEngineRPC.getContext, GetContextRequest(userID: users[0]))
        print("## Turns through the conversation graph (offline engine, Unix sockets, checkpoints in PostgreSQL)")
        print("")
        print("A household's context: \(try sample.serializedBytes().count) bytes encoded.")
        print("")
        print("| measure | conversations | p50 ms | p99 ms | target | result |")
        print("|---|---:|---:|---:|---|---|")
        let agent = cluster.services.conversationAgent
        row("floor: RPC health check", 1, try await LatencySamples.measure(callers: 1, calls: turns) { _ in
            let _: HealthCheckResponse = try await agent.unary(HealthService.check, HealthCheckRequest())
        })
        row("floor: PostgreSQL round trip (4 kB parameter)", 1, try await LatencySamples.measure(callers: 1, calls: turns) { _ in
            try await client.query("SELECT length(\(Array(repeating: UInt8(7), count: 4_096)))")
        })
        let context = cluster.services.context
        let contextOf = users[0]
        row("· GetContext (cached)", 1, try await LatencySamples.measure(callers: 1, calls: turns) { _ in
            let _: UserContext = try await context.unary(ContextEngineRPC.getContext, GetContextRequest(userID: contextOf))
        })
        for (kind, message) in [
            (ServiceKind.conversationAgent, "what's my net worth"), (.financialAgent, "how am I doing?"),
            (.recommendationAgent, "should I pay off my loans or invest"),
        ] {
            let caller = kind == .conversationAgent ? cluster.services.conversationAgent
                : kind == .financialAgent ? cluster.services.financialAgent : cluster.services.recommendationAgent
            let request = AgentRequest(
                conversationID: ids[0], userID: contextOf, message: message, context: sample, today: "2026-11-25")
            row("· \(kind.rawValue) Run", 1, try await LatencySamples.measure(callers: 1, calls: turns) { _ in
                let _: AgentResult = try await caller.unary(kind.agentRunMethod, request)
            })
        }
        let inProcess = FinancialAgent(provider: OfflineLanguageProvider())
        let analysis = AgentRequest(
            conversationID: ids[0], userID: contextOf, message: "how am I doing?", context: sample, today: "2026-11-25")
        row("· financial agent's work, in process", 1, try await LatencySamples.measure(callers: 1, calls: turns) { _ in
            _ = try await inProcess.run(analysis)
        })
        row("· · route classifier", 1, try await LatencySamples.measure(callers: 1, calls: turns) { _ in
            _ = RouteClassifier.classify("how am I doing?")
        })
        row("· · language detector + analysis selector", 1, try await LatencySamples.measure(callers: 1, calls: turns) { _ in
            _ = LanguageDetector.language(of: "how am I doing?")
            _ = AnalysisSelector.analyses(for: "how am I doing?")
        })
        let reply = try await inProcess.run(analysis)
        row("· · compliance review", 1, try await LatencySamples.measure(callers: 1, calls: turns) { _ in
            _ = ComplianceReview.review(reply.reply, facts: reply.facts, givesAdvice: false)
        })
        let state = CoachTurnState(userID: contextOf, conversationID: ids[0], message: "x", context: sample)
        row("· checkpoint save", 1, try await LatencySamples.measure(callers: 1, calls: turns) { index in
            try await checkpointer.save(
                GraphCheckpoint(runID: UUID().uuidString.lowercased(), step: 1, node: "bench", next: "x", status: .running, state: state))
        })
        await nodeTimes.reset()
        let single = try await LatencySamples.measure(callers: 1, calls: turns) { index in try await turn(0, index) }
        row("turn through the graph", 1, single, p50Target: .milliseconds(2), p99Target: .milliseconds(10))
        for (node, samples) in await nodeTimes.samples.sorted(by: { $0.key < $1.key }) {
            row("· node \(node), call and checkpoint", 1, samples)
        }
        let concurrency = min(64, users.count)
        let many = try await LatencySamples.measure(callers: concurrency, calls: turns) { index in
            try await turn(index % concurrency, index / concurrency)
        }
        row("turn through the graph", concurrency, many)

        await cluster.stop()
        await client.shutdown()
        try monteCarlo()
    }

    /// The finance engine's heaviest projection: 10,000 paths × 40 years of monthly steps.
    private func monteCarlo() throws {
        guard let allocation = AssetAllocation([.usEquity: 0.55, .intlEquity: 0.25, .bond: 0.2]) else { return }
        var timings = LatencySamples()
        for run in 0..<5 {
            let inputs = MonteCarloInputs(
                startBalanceCents: 50_000_00, monthlyContributionCents: 500_00, years: 40, allocation: allocation,
                targetCents: 1_000_000_00, seed: UInt64(run))
            let start = ContinuousClock.now
            _ = try MonteCarlo.project(inputs)
            timings.record(ContinuousClock.now - start)
        }
        print("")
        print("## Monte Carlo projection, 10,000 paths × 40 years (monthly steps), 5 runs")
        print("")
        print("| median s | max s | target | result |")
        print("|---:|---:|---|---|")
        let median = timings.percentile(0.5)
        print(
            "| \(formatted(median.seconds, 3)) | \(formatted(timings.percentile(1).seconds, 3)) | under 1 s "
                + "| \(median < .seconds(1) ? "PASS" : "MISS") |")
    }

    private func row(
        _ name: String, _ callers: Int, _ samples: LatencySamples, p50Target: Duration? = nil, p99Target: Duration? = nil
    ) {
        let p50 = samples.percentile(0.5)
        let p99 = samples.percentile(0.99)
        var targets: [String] = []
        var pass = true
        if let p50Target {
            targets.append("p50 < \(formatted(p50Target.milliseconds, 0)) ms")
            pass = pass && p50 < p50Target
        }
        if let p99Target {
            targets.append("p99 < \(formatted(p99Target.milliseconds, 0)) ms")
            pass = pass && p99 < p99Target
        }
        let verdict = targets.isEmpty ? "–" : pass ? "PASS" : "MISS"
        print(
            "| \(name) | \(callers) | \(formatted(p50.milliseconds, 3)) | \(formatted(p99.milliseconds, 3)) "
                + "| \(targets.isEmpty ? "–" : targets.joined(separator: ", ")) | \(verdict) |")
    }
}

/// Each node's durations (its call plus its checkpoint), from the graph's events.
actor NodeTimes {
    private(set) var samples: [String: LatencySamples] = [:]

    func record(_ node: String, _ duration: Duration) { samples[node, default: LatencySamples()].record(duration) }

    func reset() { samples = [:] }
}
