public import HTTPClient

/// Any OpenAI-compatible chat endpoint (`POST {base}/v1/chat/completions`): OpenAI itself, or a
/// local model server (llama.cpp, Ollama, vLLM) so Plutus can run with no cloud at all.
public struct OpenAIClient: ModelClient {
    /// How structured output is asked for.
    public enum StructuredOutput: String, Sendable, Hashable {
        /// Function calling with a forced `tool_choice`.
        case tools
        /// `response_format: {"type": "json_object", "schema": …}` and the schema in the system
        /// prompt: what local servers support. llama.cpp's server and llama-cpp-python constrain
        /// the output to the schema (a small model then cannot ramble past the object); the
        /// official OpenAI API refuses the `schema` field, so use ``tools`` there.
        case jsonObject = "json"
    }

    public static let defaultModel = "gpt-4o-mini"
    public static let defaultBaseURL = "https://api.openai.com"

    public let provider = "openai"
    public let model: String
    public let structuredOutput: StructuredOutput
    private let baseURL: String
    private let apiKey: String?
    private let transport: ProviderTransport

    /// - Parameters:
    ///   - baseURL: the server, with or without a trailing `/v1` (as the official SDKs accept it);
    ///     `/v1/chat/completions` is appended.
    ///   - apiKey: sent as a bearer token when given; local servers usually need none.
    public init(
        http: HTTPClient, apiKey: String?, model: String = defaultModel, baseURL: String = defaultBaseURL,
        structuredOutput: StructuredOutput = .jsonObject
    ) {
        var base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        if base.hasSuffix("/v1") { base.removeLast(3) }
        self.baseURL = base
        self.model = model
        self.apiKey = apiKey
        self.structuredOutput = structuredOutput
        self.transport = ProviderTransport(http: http, provider: "OpenAI-compatible") { body in
            (body["error"]?["message"]?.stringValue ?? body.jsonText, body["error"]?["type"]?.stringValue)
        }
    }

    public func respond(
        to request: ModelRequest, timeout: Duration?, onText: (@Sendable (String) async -> Void)?
    ) async throws -> ModelResponse {
        let url = baseURL + "/v1/chat/completions"
        var headers: HTTPHeaders = [:]
        if let apiKey, !apiKey.isEmpty { headers.add(name: "authorization", value: "Bearer \(apiKey)") }
        let body = Self.body(for: request, model: model, structuredOutput: structuredOutput, stream: onText != nil)
        var response: ModelResponse
        if let onText {
            headers.add(name: "accept", value: "text/event-stream")
            var completion = OpenAICompletionStream()
            for try await event in try await transport.stream(url, headers: headers, body: body, timeout: timeout) {
                if let text = try completion.apply(event) { await onText(text) }
                if completion.isComplete { break }
            }
            response = try completion.response()
        } else {
            headers.add(name: "accept", value: "application/json")
            response = try Self.response(from: try await transport.post(url, headers: headers, body: body, timeout: timeout))
        }
        if let tool = request.requiredTool, structuredOutput == .jsonObject, response.toolCalls.isEmpty {
            // The JSON object the model wrote is the tool's input; text that is not JSON is kept
            // as a string for the schema check to reject.
            let input = (try? JSONValue.parse(response.text.utf8, what: "the JSON reply")) ?? .string(response.text)
            response.toolCalls = [.init(id: "json", name: tool, input: input)]
        }
        return response
    }

    /// The chat-completions request body for `request`.
    static func body(for request: ModelRequest, model: String, structuredOutput: StructuredOutput, stream: Bool) -> JSONValue {
        var system = request.systemText
        var body: [String: JSONValue] = ["model": .string(model), "max_tokens": .number(Double(request.maxTokens))]
        if let name = request.requiredTool, let tool = request.tools.first(where: { $0.name == name }),
            structuredOutput == .jsonObject
        {
            system += "\n\nAnswer with only a JSON object (no prose) for \(tool.name): \(tool.description) "
                + "It must match this JSON Schema: \(tool.inputSchema.document.jsonText)"
            body["response_format"] = ["type": "json_object", "schema": tool.inputSchema.document]
        } else if !request.tools.isEmpty {
            body["tools"] = .array(
                request.tools.map {
                    [
                        "type": "function",
                        "function": [
                            "name": .string($0.name), "description": .string($0.description),
                            "parameters": $0.inputSchema.document,
                        ],
                    ]
                })
            if let name = request.requiredTool {
                body["tool_choice"] = ["type": "function", "function": ["name": .string(name)]]
            }
        } else if request.jsonObject {
            body["response_format"] = ["type": "json_object"]
        }
        var messages: [JSONValue] = system.isEmpty ? [] : [["role": "system", "content": .string(system)]]
        messages += request.messages.map { ["role": .string($0.role.rawValue), "content": .string($0.text)] }
        body["messages"] = .array(messages)
        if let temperature = request.temperature { body["temperature"] = .number(temperature) }
        if !request.stopSequences.isEmpty { body["stop"] = .array(request.stopSequences.map { .string($0) }) }
        if stream {
            body["stream"] = true
            body["stream_options"] = ["include_usage": true]
        }
        return .object(body)
    }

    /// Reads a `chat.completion` object.
    static func response(from json: JSONValue) throws(ModelError) -> ModelResponse {
        guard let choice = json["choices"]?.arrayValue?.first, let message = choice["message"] else {
            throw ModelError(.invalidResponse, "the chat completion has no choice: \(json.jsonText.prefix(200))")
        }
        var response = ModelResponse(
            model: json["model"]?.stringValue ?? "", text: message["content"]?.stringValue ?? "",
            stopReason: choice["finish_reason"]?.stringValue, usage: usage(from: json["usage"]))
        for call in message["tool_calls"]?.arrayValue ?? [] {
            guard let name = call["function"]?["name"]?.stringValue else {
                throw ModelError(.invalidResponse, "a tool call has no function name")
            }
            let arguments = call["function"]?["arguments"]?.stringValue ?? "{}"
            let input = (try? JSONValue.parse(arguments.utf8, what: "tool arguments")) ?? .string(arguments)
            response.toolCalls.append(.init(id: call["id"]?.stringValue ?? "", name: name, input: input))
        }
        return response
    }

    static func usage(from json: JSONValue?) -> TokenUsage {
        TokenUsage(
            inputTokens: json?["prompt_tokens"]?.intValue ?? 0, outputTokens: json?["completion_tokens"]?.intValue ?? 0,
            cacheReadInputTokens: json?["prompt_tokens_details"]?["cached_tokens"]?.intValue ?? 0)
    }
}
