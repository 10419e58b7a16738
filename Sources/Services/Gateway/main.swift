import ArgumentParser
import ContextEngine
import CoachGraph
import Foundation
import GatewayHTTP
import PlutusCluster
import PlutusData
import PlutusService
import Postgres
import Redis
import RPCTransport

/// `plutus-gateway`: serves the app's HTTP API and runs the conversation graph over the other
/// services (also over RPC: `plutus.v1.Gateway/Converse`), keeps a balanced client of every other
/// service, and reports, through `plutus.v1.Health/Check` with a service's name
/// (`plutus.v1.FinancialAgent`), whether that service has a replica admitted.
@main
struct GatewayCommand: ServiceCommand {
    static let kind = ServiceKind.gateway

    @OptionGroup var options: ServiceOptions

    @Option(help: "The context engine (default: $PLUTUS_CONTEXT_ADDRESS).")
    var context: String?
    @Option(help: "The conversation agent (default: $PLUTUS_CONVERSATION_AGENT_ADDRESS).")
    var conversationAgent: String?
    @Option(help: "The financial analysis agent (default: $PLUTUS_FINANCIAL_AGENT_ADDRESS).")
    var financialAgent: String?
    @Option(help: "The goal extraction agent (default: $PLUTUS_GOAL_AGENT_ADDRESS).")
    var goalAgent: String?
    @Option(help: "The recommendation agent (default: $PLUTUS_RECOMMENDATION_AGENT_ADDRESS).")
    var recommendationAgent: String?
    @Option(help: "The vector store (default: $PLUTUS_VECTOR_ADDRESS).")
    var vector: String?
    @Option(help: "PostgreSQL, as a libpq URL (default: $DATABASE_URL).")
    var databaseURL: String?
    @Option(help: "How long a run nothing touches keeps its checkpoints (default: $PLUTUS_CHECKPOINT_TTL_SECONDS, else 86400).")
    var checkpointTTLSeconds: String?
    @Option(help: "The HTTP API's host (default: $PLUTUS_HTTP_HOST, else 127.0.0.1).")
    var httpHost: String?
    @Option(help: "The HTTP API's port; 0 picks a free one (default: $PLUTUS_HTTP_PORT, else 8080).")
    var httpPort: String?
    @Option(help: "Write the HTTP API's address (host:port) to this file once it listens.")
    var httpAddressFile: String?
    @Option(help: "Redis, for the API's rate limits: redis://[:password@]host:port/db or unix:///path (default: $REDIS_URL).")
    var redisURL: String?

    func run() async throws {
        let flags: [ServiceKind: String?] = [
            .context: context, .conversationAgent: conversationAgent, .financialAgent: financialAgent,
            .goalAgent: goalAgent, .recommendationAgent: recommendationAgent, .vector: vector,
        ]
        let targets = try ServiceKind.gateway.upstreams.map { kind in
            (kind, try target(of: kind, flag: flags[kind] ?? nil))
        }
        let environment = ProcessInfo.processInfo.environment
        let settings = try CoachGatewaySettings(
            databaseURL: databaseURL, checkpointTTLSeconds: checkpointTTLSeconds, environment: environment)
        let httpSettings = try await GatewayHTTPSettings(
            host: httpHost, port: httpPort, redisURL: redisURL, environment: environment)
        let runtime = try bootstrap()
        let metrics = GatewayMetrics.bootstrap()
        let clients = Dictionary(uniqueKeysWithValues: targets.map { ($0.0, runtime.client(of: $0.0, target: $0.1)) })
        let callers = Dictionary(uniqueKeysWithValues: clients.map { kind, client in
            (kind, MeasuredCaller(client, service: kind.rawValue) as any RPCCaller)
        })
        guard let services = CoachServices(clients: callers) else {
            throw ValidationError("the gateway needs the context engine and all four agents")
        }
        let database = PostgresClient(configuration: settings.database, logger: runtime.logger)
        let checkpointer = PostgresCheckpointer(client: database, cipher: settings.cipher)
        let conversations = ConversationStore(client: database, cipher: settings.cipher)
        let audit = AuditLog(client: database)
        let runner = CoachTurnRunner(
            graph: try CoachGraph.make(services: services), checkpointer: checkpointer, conversations: conversations,
            audit: audit, foldAfter: settings.foldAfter)
        let redis = RedisClient(configuration: httpSettings.redis, logger: runtime.logger)
        let idempotency = IdempotencyStore(client: database, cipher: settings.cipher)
        let routes = GatewayRoutes(
            chat: ChatAPI(
                runner: runner, conversations: conversations, audit: audit,
                lanes: ConversationLanes(policy: httpSettings.busyConversation),
                idempotency: idempotency, memories: callers[.vector].map { VectorMemorySource(caller: $0) } ?? NoMemories()),
            context: ContextAPI(services: services),
            readiness: Self.readiness(database: database, redis: redis, clients: clients),
            rateLimit: RateLimitMiddleware(redis: redis, requestsPerMinute: httpSettings.userRequestsPerMinute),
            metrics: metrics, document: try OpenAPIDocument.load())
        let addressFile = httpAddressFile
        let http = GatewayHTTPServer.make(settings: httpSettings, routes: routes, logger: runtime.logger) { address in
            guard let addressFile else { return }
            try? Data((address + "\n").utf8).write(to: URL(fileURLWithPath: addressFile), options: .atomic)
        }
        var router = RPCRouter()
        CoachGatewayRPC.register(runner, conversations: conversations, on: &router)
        let pruner = CheckpointPruner(checkpointer: checkpointer, ttl: settings.checkpointTTL, logger: runtime.logger)
        let keyPruner = PeriodicWork(every: .seconds(600), what: "prune idempotency keys", logger: runtime.logger) {
            try await idempotency.prune()
        }
        do {
            try await runtime.serve(router, clients: Array(clients.values), background: [pruner, keyPruner, http]) { name in
                guard let kind = ServiceKind.allCases.first(where: { $0.rpcService == name }), let client = clients[kind]
                else { return nil }
                return client.replicaStatuses().contains(where: \.isAdmitted) ? .serving : .notServing
            }
        } catch {
            await database.shutdown()
            await redis.shutdown()
            throw error
        }
        await database.shutdown()
        await redis.shutdown()
    }

    /// Ready when PostgreSQL and Redis answer and every upstream service has a replica admitted.
    static func readiness(database: PostgresClient, redis: RedisClient, clients: [ServiceKind: RPCClient]) -> Readiness {
        Readiness {
            async let postgres = Readiness.check("postgres") {
                _ = try await database.query("SELECT 1")
                return "answering"
            }
            async let redisCheck = Readiness.check("redis") { try await redis.send(["PING"]).string ?? "answering" }
            let services = clients.sorted { $0.key.rawValue < $1.key.rawValue }.map { kind, client in
                let statuses = client.replicaStatuses()
                let admitted = statuses.filter(\.isAdmitted).count
                return Readiness.Check(
                    name: kind.rawValue, ready: admitted > 0, detail: "\(admitted) of \(statuses.count) replicas admitted")
            }
            return await [postgres, redisCheck] + services
        }
    }
}
