import HTTPClient
public import LanguageModels
public import Logging
import PlutusService
public import Redis

/// Which language provider the agents use, from the environment every agent service reads:
///
/// - `PLUTUS_LLM`: `offline`, `anthropic` or `openai`; by default `anthropic` when
///   `ANTHROPIC_API_KEY` is set, else `offline`.
/// - `ANTHROPIC_API_KEY`, `ANTHROPIC_BASE_URL`, `OPENAI_API_KEY`, `OPENAI_BASE_URL`: as in the
///   official SDKs. A local OpenAI-compatible server needs only its base URL.
/// - `PLUTUS_LLM_MODEL`: the model, instead of the provider's default.
/// - `PLUTUS_LLM_STRUCTURED_OUTPUT`: `json` or `tools`, for OpenAI-compatible servers (default
///   `tools` for `api.openai.com`, `json` for any other server).
/// - `REDIS_URL`: where the rate limits and the response cache live; without it there are neither.
/// - `PLUTUS_LLM_USER_CALLS_PER_MINUTE` (30), `PLUTUS_LLM_GLOBAL_CALLS_PER_MINUTE` (1200),
///   `PLUTUS_LLM_CACHE_TTL_SECONDS` (300; 0 turns the cache off).
///
/// API keys are never part of an error message or a description.
public struct LanguageModelSettings: Sendable {
    public enum Provider: Sendable, Hashable {
        case offline
        case anthropic(apiKey: String, baseURL: String, model: String)
        case openAI(apiKey: String?, baseURL: String, model: String, structuredOutput: OpenAIClient.StructuredOutput)
    }

    public let provider: Provider
    public let redisURL: String?
    public let perUserLimit: CallRateLimiter.Limit
    public let globalLimit: CallRateLimiter.Limit
    public let cacheTTL: Duration?

    /// - Throws: ``ConfigurationError`` naming the first setting that is missing or bad.
    public init(environment: [String: String]) throws {
        let settings = SettingResolver(environment: environment)
        let env = "(environment only)"
        let key = { (name: String) -> String? in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let choice = try settings.optional(nil, flag: env, variable: "PLUTUS_LLM") { value -> String in
            guard ["offline", "anthropic", "openai"].contains(value) else {
                throw SettingError("expected offline, anthropic or openai")
            }
            return value
        } ?? (key("ANTHROPIC_API_KEY") == nil ? "offline" : "anthropic")
        let model = try settings.optional(nil, flag: env, variable: "PLUTUS_LLM_MODEL") { $0 }
        switch choice {
        case "anthropic":
            guard let apiKey = key("ANTHROPIC_API_KEY") else {
                throw ConfigurationError(
                    setting: "ANTHROPIC_API_KEY", value: nil, reason: "PLUTUS_LLM=anthropic needs an API key, and none is set")
            }
            let baseURL = try settings.optional(nil, flag: env, variable: "ANTHROPIC_BASE_URL", parse: Self.httpURL)
            provider = .anthropic(
                apiKey: apiKey, baseURL: baseURL ?? AnthropicClient.defaultBaseURL, model: model ?? AnthropicClient.defaultModel)
        case "openai":
            let baseURL = try settings.optional(nil, flag: env, variable: "OPENAI_BASE_URL", parse: Self.httpURL)
            guard baseURL != nil || key("OPENAI_API_KEY") != nil else {
                throw ConfigurationError(
                    setting: "OPENAI_BASE_URL / OPENAI_API_KEY", value: nil,
                    reason: "PLUTUS_LLM=openai needs a local server's base URL, or an API key for OpenAI itself")
            }
            let structuredOutput = try settings.optional(nil, flag: env, variable: "PLUTUS_LLM_STRUCTURED_OUTPUT") {
                guard let mode = OpenAIClient.StructuredOutput(rawValue: $0) else { throw SettingError("expected json or tools") }
                return mode
            }
            let server = baseURL ?? OpenAIClient.defaultBaseURL
            provider = .openAI(
                apiKey: key("OPENAI_API_KEY"), baseURL: server, model: model ?? OpenAIClient.defaultModel,
                structuredOutput: structuredOutput ?? Self.structuredOutput(for: server))
        default:
            provider = .offline
        }
        redisURL = key("REDIS_URL")
        let perUser = try settings.optional(nil, flag: env, variable: "PLUTUS_LLM_USER_CALLS_PER_MINUTE") {
            try SettingResolver.integer($0, in: 1...100_000)
        } ?? 30
        let global = try settings.optional(nil, flag: env, variable: "PLUTUS_LLM_GLOBAL_CALLS_PER_MINUTE") {
            try SettingResolver.integer($0, in: 1...10_000_000)
        } ?? 1_200
        perUserLimit = .init(perMinute: Double(perUser), burst: Double(max(5, perUser / 2)))
        globalLimit = .init(perMinute: Double(global), burst: Double(max(20, global / 6)))
        let ttl = try settings.optional(nil, flag: env, variable: "PLUTUS_LLM_CACHE_TTL_SECONDS") {
            try SettingResolver.integer($0, in: 0...86_400)
        } ?? 300
        cacheTTL = ttl == 0 ? nil : .seconds(ttl)
    }

    /// The provider, model and base URL, for the startup log (never the key).
    public var summary: String {
        switch provider {
        case .offline: "offline"
        case .anthropic(_, let baseURL, let model): "anthropic \(model) at \(baseURL)"
        case .openAI(_, let baseURL, let model, let mode): "openai \(model) at \(baseURL) (structured output: \(mode.rawValue))"
        }
    }

    /// Function calling for OpenAI itself (it refuses JSON mode's `schema`); JSON mode, constrained
    /// by the schema, for everything else (local servers).
    static func structuredOutput(for baseURL: String) -> OpenAIClient.StructuredOutput {
        let host = baseURL.split(separator: "/", maxSplits: 3).dropFirst().first?.lowercased()
        return host == "api.openai.com" ? .tools : .jsonObject
    }

    private static func httpURL(_ text: String) throws -> String {
        guard text.hasPrefix("http://") || text.hasPrefix("https://"), text.count > 8 else {
            throw SettingError("expected an http:// or https:// URL")
        }
        return text
    }
}

/// The language provider a settings value describes, and what it holds open.
public struct ConfiguredLanguage: Sendable {
    public let provider: any LanguageProvider
    private let http: HTTPClient?
    private let redis: RedisClient?

    /// Opens what `settings` needs: an HTTP client for a model provider and, with a Redis URL,
    /// the rate limiter and the response cache.
    public init(_ settings: LanguageModelSettings, logger: Logger) throws {
        let client: any ModelClient
        let http: HTTPClient
        switch settings.provider {
        case .offline:
            provider = OfflineLanguageProvider()
            self.http = nil
            self.redis = nil
            return
        case .anthropic(let apiKey, let baseURL, let model):
            http = try HTTPClient(logger: logger)
            client = AnthropicClient(http: http, apiKey: apiKey, model: model, baseURL: baseURL)
        case .openAI(let apiKey, let baseURL, let model, let structuredOutput):
            http = try HTTPClient(logger: logger)
            client = OpenAIClient(http: http, apiKey: apiKey, model: model, baseURL: baseURL, structuredOutput: structuredOutput)
        }
        let redis = try settings.redisURL.map { try RedisClient(url: $0, logger: logger) }
        let limiter = redis.map { CallRateLimiter(redis: $0, perUser: settings.perUserLimit, global: settings.globalLimit) }
        let cache = redis.flatMap { redis in settings.cacheTTL.map { ResponseCache(redis: redis, ttl: $0) } }
        provider = ModelLanguageProvider(LanguageModel(client: client, limiter: limiter, cache: cache, logger: logger))
        self.http = http
        self.redis = redis
    }

    /// Closes the HTTP client and the Redis connections.
    public func shutdown() async {
        await http?.shutdown()
        await redis?.shutdown()
    }
}
