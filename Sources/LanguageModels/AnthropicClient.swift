public import HTTPClient

/// Claude through the Anthropic Messages API (`POST {base}/v1/messages`): JSON or SSE streaming,
/// tools for structured output, prompt caching of the system blocks marked cacheable.
public struct AnthropicClient: ModelClient {
    /// The API version header every request carries.
    public static let apiVersion = "2023-06-01"
    /// The model used unless configured otherwise.
    public static let defaultModel = "claude-sonnet-4-5"
    public static let defaultBaseURL = "https://api.anthropic.com"

    public let provider = "anthropic"
    public let model: String
    private let baseURL: String
    private let apiKey: String
    private let transport: ProviderTransport

    /// - Parameters:
    ///   - baseURL: where the API lives (a proxy or a compatible local server may stand in);
    ///     `/v1/messages` is appended.
    ///   - apiKey: sent as `x-api-key`; never logged.
    public init(http: HTTPClient, apiKey: String, model: String = defaultModel, baseURL: String = defaultBaseURL) {
        self.model = model
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.apiKey = apiKey
        self.transport = ProviderTransport(http: http, provider: "Anthropic") { body in
            (body["error"]?["message"]?.stringValue ?? body.jsonText, body["error"]?["type"]?.stringValue)
        }
    }

    public func respond(
        to request: ModelRequest, timeout: Duration?, onText: (@Sendable (String) async -> Void)?
    ) async throws -> ModelResponse {
        let url = baseURL + "/v1/messages"
        var headers: HTTPHeaders = ["x-api-key": apiKey, "anthropic-version": Self.apiVersion]
        let body = Self.body(for: request, model: model, stream: onText != nil)
        guard let onText else {
            headers.add(name: "accept", value: "application/json")
            let json = try await transport.post(url, headers: headers, body: body, timeout: timeout)
            return try Self.response(from: json)
        }
        headers.add(name: "accept", value: "text/event-stream")
        var message = AnthropicMessageStream()
        for try await event in try await transport.stream(url, headers: headers, body: body, timeout: timeout) {
            if let text = try message.apply(event) { await onText(text) }
            if message.isComplete { break }
        }
        return try message.response()
    }

    /// The Messages API request body for `request`.
    static func body(for request: ModelRequest, model: String, stream: Bool) -> JSONValue {
        var body: [String: JSONValue] = [
            "model": .string(model),
            "max_tokens": .number(Double(request.maxTokens)),
            "messages": .array(request.messages.map { ["role": .string($0.role.rawValue), "content": .string($0.text)] }),
        ]
        if !request.system.isEmpty {
            body["system"] = .array(
                request.system.map { block in
                    var json: [String: JSONValue] = ["type": "text", "text": .string(block.text)]
                    if block.cacheable { json["cache_control"] = ["type": "ephemeral"] }
                    return .object(json)
                })
        }
        if let temperature = request.temperature { body["temperature"] = .number(temperature) }
        if !request.stopSequences.isEmpty { body["stop_sequences"] = .array(request.stopSequences.map { .string($0) }) }
        if !request.tools.isEmpty {
            body["tools"] = .array(
                request.tools.map {
                    ["name": .string($0.name), "description": .string($0.description), "input_schema": $0.inputSchema.document]
                })
        }
        if let tool = request.requiredTool { body["tool_choice"] = ["type": "tool", "name": .string(tool)] }
        if stream { body["stream"] = true }
        return .object(body)
    }

    /// Reads a Messages API response (a `message` object).
    static func response(from json: JSONValue) throws(ModelError) -> ModelResponse {
        guard json["type"] == nil || json["type"]?.stringValue == "message", let content = json["content"]?.arrayValue else {
            throw ModelError(.invalidResponse, "the Anthropic response is not a message: \(json.jsonText.prefix(200))")
        }
        var response = ModelResponse(
            model: json["model"]?.stringValue ?? "", stopReason: json["stop_reason"]?.stringValue,
            usage: usage(from: json["usage"]))
        for block in content {
            switch block["type"]?.stringValue {
            case "text":
                response.text += block["text"]?.stringValue ?? ""
            case "tool_use":
                guard let id = block["id"]?.stringValue, let name = block["name"]?.stringValue else {
                    throw ModelError(.invalidResponse, "a tool_use block has no id or name")
                }
                response.toolCalls.append(.init(id: id, name: name, input: block["input"] ?? [:]))
            default:
                continue  // thinking and block types newer than this client
            }
        }
        return response
    }

    /// Token counts from a `usage` object; fields it lacks count as zero.
    static func usage(from json: JSONValue?) -> TokenUsage {
        TokenUsage(
            inputTokens: json?["input_tokens"]?.intValue ?? 0, outputTokens: json?["output_tokens"]?.intValue ?? 0,
            cacheCreationInputTokens: json?["cache_creation_input_tokens"]?.intValue ?? 0,
            cacheReadInputTokens: json?["cache_read_input_tokens"]?.intValue ?? 0)
    }
}
