/// Assembles a streamed chat completion from its `data:` chunks up to `data: [DONE]`: content
/// deltas, tool-call deltas keyed by index (id and name first, arguments in pieces), the finish
/// reason, and the usage chunk that `stream_options.include_usage` adds.
struct OpenAICompletionStream: Sendable {
    private struct ToolCallParts: Sendable {
        var id = ""
        var name = ""
        var arguments = ""
    }

    private var text = ""
    private var toolCalls: [Int: ToolCallParts] = [:]
    private var model = ""
    private var finishReason: String?
    private var usage = TokenUsage()
    private(set) var isComplete = false

    /// Applies one event; returns the text it adds, if any.
    mutating func apply(_ event: ServerSentEvent) throws(ModelError) -> String? {
        if event.data == "[DONE]" {
            isComplete = true
            return nil
        }
        let chunk = try JSONValue.parse(event.data.utf8, what: "a chat completion chunk")
        if let error = chunk["error"] {
            let message = error["message"]?.stringValue ?? error.jsonText
            let kind: ModelError.Kind = error["type"]?.stringValue == "invalid_request_error" ? .badRequest : .server
            throw ModelError(kind, "the OpenAI-compatible stream failed: \(message)")
        }
        model = chunk["model"]?.stringValue ?? model
        if chunk["usage"]?.objectValue != nil { usage = OpenAIClient.usage(from: chunk["usage"]) }
        guard let choice = chunk["choices"]?.arrayValue?.first else { return nil }
        finishReason = choice["finish_reason"]?.stringValue ?? finishReason
        for call in choice["delta"]?["tool_calls"]?.arrayValue ?? [] {
            let index = call["index"]?.intValue ?? 0
            var parts = toolCalls[index] ?? ToolCallParts()
            parts.id = call["id"]?.stringValue ?? parts.id
            parts.name += call["function"]?["name"]?.stringValue ?? ""
            parts.arguments += call["function"]?["arguments"]?.stringValue ?? ""
            toolCalls[index] = parts
        }
        guard let piece = choice["delta"]?["content"]?.stringValue, !piece.isEmpty else { return nil }
        text += piece
        return piece
    }

    /// The whole answer.
    /// - Throws: ``ModelError`` (`network`) when the stream ended before `data: [DONE]`, or
    ///   before any choice had a finish reason: a server that stops a generation early (as
    ///   llama-cpp-python's does when another request arrives) still sends `[DONE]`, and the text
    ///   so far is not the answer.
    func response() throws(ModelError) -> ModelResponse {
        guard isComplete else { throw ModelError(.network, "the OpenAI-compatible stream ended before [DONE]") }
        guard finishReason != nil else {
            throw ModelError(.network, "the OpenAI-compatible stream ended without a finish reason (the server stopped it)")
        }
        let calls = toolCalls.keys.sorted().compactMap { toolCalls[$0] }.map { parts in
            let input = (try? JSONValue.parse(parts.arguments.utf8, what: "tool arguments")) ?? .string(parts.arguments)
            return ModelResponse.ToolCall(id: parts.id, name: parts.name, input: input)
        }
        return ModelResponse(model: model, text: text, toolCalls: calls, stopReason: finishReason, usage: usage)
    }
}
