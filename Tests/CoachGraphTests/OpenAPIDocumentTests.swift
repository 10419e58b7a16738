import CoachGraph
import Foundation
import GatewayHTTP
import Hummingbird
import Logging
import PlutusAuth
import PlutusData
import PlutusTestSupport
import Postgres
import Prometheus
import RPCTransport
import Redis
import Testing

/// The OpenAPI document matches the server exactly: every route the gateway's router serves is
/// in the document with its method, and the document names no route the router lacks.
@Suite struct OpenAPIDocumentTests {
    @Test func theDocumentAndTheRouterAgree() async throws {
        let document = try OpenAPIDocument.load()
        #expect(document == Array(try Data(contentsOf: URL(fileURLWithPath: Repository.path("Sources/GatewayHTTP/Resources/openapi.json")))))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(document)) as? [String: Any])
        #expect(json["openapi"] as? String == "3.1.0")
        let paths = try #require(json["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })

        let router = try await Self.router(document: document)
        let served = Set(router.routes.map { "\($0.method) \($0.path)" })
        #expect(served == documented, "served only: \(served.subtracting(documented)); documented only: \(documented.subtracting(served))")
    }

    /// The gateway's router, its dependencies made but never connected (no request is served).
    static func router(document: [UInt8]) async throws -> Router<GatewayRequestContext> {
        let logger = Logger(label: "plutus.tests.openapi")
        let database = PostgresClient(configuration: try .init(url: "postgresql://plutus@127.0.0.1:1/none"), logger: logger)
        let redis = RedisClient(configuration: try RedisConfiguration(url: "redis://127.0.0.1:1/0"), logger: logger)
        let idle = InProcessRPCCaller(router: RPCRouter())
        let services = CoachServices(context: idle, conversationAgent: idle, financialAgent: idle, goalAgent: idle, recommendationAgent: idle)
        let cipher = try DataCipher(keyList: DataCipher.generateKeyEntry(id: "test"))
        let conversations = ConversationStore(client: database, cipher: cipher)
        let audit = AuditLog(client: database)
        let runner = CoachTurnRunner(
            graph: try CoachGraph.make(services: services), checkpointer: PostgresCheckpointer(client: database, cipher: cipher),
            conversations: conversations, audit: audit)
        let routes = GatewayRoutes(
            chat: ChatAPI(
                runner: runner, conversations: conversations, audit: audit, lanes: ConversationLanes(policy: .queue),
                idempotency: IdempotencyStore(client: database, cipher: cipher)),
            context: ContextAPI(services: services), readiness: Readiness { [] },
            rateLimit: RateLimitMiddleware(redis: redis, requestsPerMinute: 60), metrics: PrometheusCollectorRegistry(),
            document: document)
        let tokens = try await AccessTokens.make(secret: String(repeating: "x", count: 40))
        return GatewayHTTPServer.router(tokens: tokens, routes: routes)
    }
}
