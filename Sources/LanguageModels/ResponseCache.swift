import Crypto
import FoundationEssentials
public import Redis

/// Model answers kept in Redis for a short while, keyed by a SHA-256 of the user, the provider,
/// the model and the whole request, so an identical question within the TTL costs nothing, and
/// one user's answers are never served to another.
public struct ResponseCache: Sendable {
    public let ttl: Duration
    private let redis: RedisClient
    private let keyPrefix: String

    public init(redis: RedisClient, ttl: Duration = .seconds(300), keyPrefix: String = "plutus:llm:cache") {
        self.redis = redis
        self.ttl = ttl
        self.keyPrefix = keyPrefix
    }

    /// The cached answer to `request` for `userID`, if any.
    public func lookup(_ request: ModelRequest, userID: String, client: any ModelClient) async throws -> ModelResponse? {
        guard let bytes = try await redis.get(key(request, userID: userID, client: client)) else { return nil }
        return try? JSONDecoder().decode(ModelResponse.self, from: Data(bytes))
    }

    /// Keeps `response` as the answer to `request` for `userID` for ``ttl``.
    public func store(_ response: ModelResponse, for request: ModelRequest, userID: String, client: any ModelClient)
        async throws
    {
        let bytes = try JSONEncoder().encode(response)
        try await redis.set(key(request, userID: userID, client: client), to: Array(bytes), ttl: ttl)
    }

    /// `prefix:` and the hex SHA-256 of the user, provider, model and request, each
    /// length-prefixed so no two different inputs hash the same text.
    func key(_ request: ModelRequest, userID: String, client: any ModelClient) -> String {
        var hasher = SHA256()
        for part in [userID, client.provider, client.model, Self.canonicalText(of: request)] {
            hasher.update(data: Array("\(part.utf8.count):".utf8))
            hasher.update(data: Array(part.utf8))
        }
        let digest = hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }
        return "\(keyPrefix):\(digest.joined())"
    }

    private static func canonicalText(of request: ModelRequest) -> String {
        let json: JSONValue = [
            "system": .array(request.system.map { ["text": .string($0.text), "cacheable": .bool($0.cacheable)] }),
            "messages": .array(request.messages.map { ["role": .string($0.role.rawValue), "text": .string($0.text)] }),
            "tools": .array(request.tools.map { ["name": .string($0.name), "schema": $0.inputSchema.document] }),
            "required_tool": request.requiredTool.map { .string($0) } ?? .null,
            "max_tokens": .number(Double(request.maxTokens)),
            "temperature": request.temperature.map { .number($0) } ?? .null,
            "stop": .array(request.stopSequences.map { .string($0) }),
            "json_object": .bool(request.jsonObject),
        ]
        return json.jsonText
    }
}
