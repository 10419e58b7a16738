/// Assembles a streamed Messages API answer from its events, in order: `message_start`,
/// `content_block_start` / `_delta` / `_stop`, `message_delta`, `message_stop`, with `ping`
/// anywhere. Unknown event and delta types are skipped (the API may add them); an `error` event
/// throws.
struct AnthropicMessageStream: Sendable {
    private enum Block: Sendable {
        case text(String)
        case toolUse(id: String, name: String, json: String)
        case other
    }

    private var started = false
    private var blocks: [Int: Block] = [:]
    private var model = ""
    private var stopReason: String?
    private var usage = TokenUsage()
    private(set) var isComplete = false

    /// Applies one event; returns the text it adds, if any.
    mutating func apply(_ event: ServerSentEvent) throws(ModelError) -> String? {
        let json = try JSONValue.parse(event.data.utf8, what: "the \(event.type) event")
        let type = json["type"]?.stringValue ?? event.type
        guard started || type == "message_start" || type == "ping" || type == "error" else {
            throw ModelError(.invalidResponse, "the stream sent \(type) before message_start")
        }
        switch type {
        case "message_start":
            started = true
            model = json["message"]?["model"]?.stringValue ?? ""
            usage = AnthropicClient.usage(from: json["message"]?["usage"])
        case "content_block_start":
            let index = try Self.index(of: json)
            switch json["content_block"]?["type"]?.stringValue {
            case "text":
                blocks[index] = .text(json["content_block"]?["text"]?.stringValue ?? "")
            case "tool_use":
                let block = json["content_block"]
                guard let id = block?["id"]?.stringValue, let name = block?["name"]?.stringValue else {
                    throw ModelError(.invalidResponse, "a tool_use block starts with no id or name")
                }
                blocks[index] = .toolUse(id: id, name: name, json: "")
            default:
                blocks[index] = .other
            }
        case "content_block_delta":
            return try applyDelta(json)
        case "message_delta":
            stopReason = json["delta"]?["stop_reason"]?.stringValue ?? stopReason
            // `usage` here is cumulative: it replaces the output count (and any input counts it gives).
            if let delta = json["usage"] {
                usage.outputTokens = delta["output_tokens"]?.intValue ?? usage.outputTokens
                usage.inputTokens = delta["input_tokens"]?.intValue ?? usage.inputTokens
            }
        case "message_stop":
            isComplete = true
        case "error":
            throw Self.streamError(json)
        default:
            break  // ping, content_block_stop, and events newer than this client
        }
        return nil
    }

    private mutating func applyDelta(_ json: JSONValue) throws(ModelError) -> String? {
        let index = try Self.index(of: json)
        let delta = json["delta"]
        switch (blocks[index], delta?["type"]?.stringValue) {
        case (.text(let text), "text_delta"):
            let piece = delta?["text"]?.stringValue ?? ""
            blocks[index] = .text(text + piece)
            return piece.isEmpty ? nil : piece
        case (.toolUse(let id, let name, let partial), "input_json_delta"):
            blocks[index] = .toolUse(id: id, name: name, json: partial + (delta?["partial_json"]?.stringValue ?? ""))
        case (nil, _):
            throw ModelError(.invalidResponse, "a delta for content block \(index), which never started")
        default:
            break  // citations, thinking, signatures, and delta types newer than this client
        }
        return nil
    }

    /// The whole answer.
    /// - Throws: ``ModelError`` (`network`) when the stream ended before `message_stop`.
    func response() throws(ModelError) -> ModelResponse {
        guard isComplete else { throw ModelError(.network, "the Anthropic stream ended before message_stop") }
        var response = ModelResponse(model: model, stopReason: stopReason, usage: usage)
        for index in blocks.keys.sorted() {
            switch blocks[index] {
            case .text(let text):
                response.text += text
            case .toolUse(let id, let name, let json):
                // An empty input streams no deltas; input that is not JSON is kept as text for the
                // schema check to reject.
                let input = json.isEmpty ? [:] : (try? JSONValue.parse(json.utf8, what: "tool input")) ?? .string(json)
                response.toolCalls.append(.init(id: id, name: name, input: input))
            case .other, nil:
                continue
            }
        }
        return response
    }

    private static func index(of json: JSONValue) throws(ModelError) -> Int {
        guard let index = json["index"]?.intValue else {
            throw ModelError(.invalidResponse, "a content block event has no index")
        }
        return index
    }

    /// The error an `error` event reports, with the kind its type implies.
    static func streamError(_ json: JSONValue) -> ModelError {
        let type = json["error"]?["type"]?.stringValue ?? "error"
        let message = json["error"]?["message"]?.stringValue ?? ""
        let kind: ModelError.Kind =
            switch type {
            case "overloaded_error": .overloaded
            case "rate_limit_error": .rateLimited
            case "api_error", "timeout_error": .server
            case "authentication_error": .unauthorized
            case "permission_error": .forbidden
            default: .badRequest
            }
        return ModelError(kind, "Anthropic stream error \(type): \(message)")
    }
}
