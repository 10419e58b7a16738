import Foundation
public import Hummingbird
public import Logging
public import PlutusAuth
import PlutusService
public import Prometheus
public import Redis

/// Where the HTTP API listens and how it checks tokens, from a flag or the environment.
public struct GatewayHTTPSettings: Sendable {
    public let host: String
    /// 0 picks a free port (see ``GatewayHTTPServer/make(settings:routes:logger:onListening:)``).
    public let port: Int
    public let tokens: AccessTokens
    /// Each user's requests a minute (``RateLimitMiddleware``).
    public let userRequestsPerMinute: Int
    /// Where the rate limits live.
    public let redis: RedisConfiguration
    /// What a message finds when its conversation's previous turn is still running.
    public let busyConversation: ConversationLanes.BusyPolicy

    /// - Throws: ``ConfigurationError`` naming the first setting that is missing or bad.
    public init(host: String?, port: String?, redisURL: String?, environment: [String: String]) async throws {
        let settings = SettingResolver(environment: environment)
        redis = try settings.required(redisURL, flag: "--redis-url", variable: "REDIS_URL") { try RedisConfiguration(url: $0) }
        self.host = try settings.optional(host, flag: "--http-host", variable: "PLUTUS_HTTP_HOST") { $0 } ?? "127.0.0.1"
        self.port = try settings.optional(port, flag: "--http-port", variable: "PLUTUS_HTTP_PORT") {
            try SettingResolver.integer($0, in: 0...65_535)
        } ?? 8080
        userRequestsPerMinute = try settings.optional(
            nil, flag: "(environment only)", variable: "PLUTUS_HTTP_USER_REQUESTS_PER_MINUTE"
        ) { try SettingResolver.integer($0, in: 1...1_000_000) } ?? 120
        busyConversation = try settings.optional(nil, flag: "(environment only)", variable: "PLUTUS_HTTP_BUSY_CONVERSATION") {
            guard let policy = ConversationLanes.BusyPolicy(rawValue: $0) else { throw SettingError("expected queue or reject") }
            return policy
        } ?? .queue
        // The secret is never a flag: flags show in `ps`.
        let secret = try settings.required(nil, flag: "(environment only)", variable: "PLUTUS_JWT_SECRET") { $0 }
        let jwksFile = try settings.optional(nil, flag: "(environment only)", variable: "PLUTUS_JWT_JWKS_FILE") { $0 }
        var jwks: String?
        if let jwksFile {
            do {
                jwks = try String(contentsOfFile: jwksFile, encoding: .utf8)
            } catch {
                throw ConfigurationError(setting: "PLUTUS_JWT_JWKS_FILE", value: jwksFile, reason: "cannot be read: \(error)")
            }
        }
        do {
            tokens = try await AccessTokens.make(secret: secret, policy: .init(environment: environment), jwks: jwks)
        } catch let error as AccessTokenError {
            let setting = error == .weakSecret ? "PLUTUS_JWT_SECRET" : "PLUTUS_JWT_JWKS_FILE"
            throw ConfigurationError(setting: setting, value: setting == "PLUTUS_JWT_SECRET" ? nil : jwksFile, reason: error.description)
        }
    }
}

/// What the HTTP API serves: the chat and context routes, and how readiness is judged.
public struct GatewayRoutes: Sendable {
    public let chat: ChatAPI
    public let context: ContextAPI
    public let readiness: Readiness
    public let rateLimit: RateLimitMiddleware
    /// What `/metrics` renders (see ``GatewayMetrics/bootstrap()``).
    public let metrics: PrometheusCollectorRegistry
    /// The OpenAPI document served at `/api/v1/plutus/openapi.json`.
    public let document: [UInt8]

    public init(
        chat: ChatAPI, context: ContextAPI, readiness: Readiness, rateLimit: RateLimitMiddleware,
        metrics: PrometheusCollectorRegistry, document: [UInt8]
    ) {
        self.chat = chat
        self.context = context
        self.readiness = readiness
        self.rateLimit = rateLimit
        self.metrics = metrics
        self.document = document
    }
}

/// The app's HTTP API: `/healthz`, `/readyz` and `/metrics`, and under `/api/v1/plutus` the routes that need
/// a bearer token and draw from the user's rate limit.
public enum GatewayHTTPServer {
    public static let basePath = "api/v1/plutus"

    /// The router every request goes through: problems for every error, then the routes.
    public static func router(tokens: AccessTokens, routes: GatewayRoutes) -> Router<GatewayRequestContext> {
        // The routes once without middleware, to learn each path's methods for 405 answers.
        let table = Router(context: GatewayRequestContext.self)
        register(routes, tokens: tokens, on: table)
        let methodsByPath = Dictionary(grouping: table.routes, by: { "\($0.path)" }).mapValues { $0.map { "\($0.method)" }.sorted() }

        let router = Router(context: GatewayRequestContext.self)
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: ProblemMiddleware(methodsByPath: methodsByPath))
        register(routes, tokens: tokens, on: router)
        return router
    }

    private static func register(_ routes: GatewayRoutes, tokens: AccessTokens, on router: Router<GatewayRequestContext>) {
        router.get("healthz") { _, _ in try JSONResponse.make(.ok, ["status": "ok"]) }
        router.get("readyz") { _, _ in try await routes.readiness.respond() }
        router.get("metrics") { _, _ in GatewayMetrics.render(routes.metrics) }
        router.get(RouterPath("\(basePath)/openapi.json")) { _, _ in JSONResponse.make(.ok, bytes: routes.document) }
        let api = router.group(RouterPath(basePath))
            .add(middleware: BearerAuthMiddleware(tokens: tokens))
            .add(middleware: routes.rateLimit)
        routes.chat.register(on: api)
        routes.context.register(on: api)
    }

    /// The server, as a service to run beside the RPC listener. `onListening` gets the bound
    /// address (`host:port`), the port chosen when the settings ask for 0.
    public static func make(
        settings: GatewayHTTPSettings, routes: GatewayRoutes, logger: Logger,
        onListening: @escaping @Sendable (String) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(tokens: settings.tokens, routes: routes),
            configuration: ApplicationConfiguration(
                address: .hostname(settings.host, port: settings.port), serverName: "plutus-gateway"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? settings.port
                logger.info("serving HTTP", metadata: ["address": "\(settings.host):\(port)"])
                await onListening("\(settings.host):\(port)")
            },
            logger: logger)
    }
}
