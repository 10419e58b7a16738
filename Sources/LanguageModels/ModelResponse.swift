/// A model's whole answer, independent of the provider's wire format.
public struct ModelResponse: Sendable, Hashable, Codable {
    /// A structured answer: the tool the model called and its (still unchecked) input.
    public struct ToolCall: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var input: JSONValue

        public init(id: String, name: String, input: JSONValue) {
            self.id = id
            self.name = name
            self.input = input
        }
    }

    /// The model the provider says answered.
    public var model: String
    /// The text blocks, joined.
    public var text: String
    public var toolCalls: [ToolCall]
    /// Why the model stopped (`end_turn`, `max_tokens`, `tool_use`, `stop`, ...), as the provider
    /// spells it.
    public var stopReason: String?
    public var usage: TokenUsage

    public init(
        model: String, text: String = "", toolCalls: [ToolCall] = [], stopReason: String? = nil,
        usage: TokenUsage = TokenUsage()
    ) {
        self.model = model
        self.text = text
        self.toolCalls = toolCalls
        self.stopReason = stopReason
        self.usage = usage
    }
}

/// Tokens a call used, as the provider counted them.
public struct TokenUsage: Sendable, Hashable, Codable {
    public var inputTokens: Int
    public var outputTokens: Int
    /// Prompt tokens written to the provider's prompt cache.
    public var cacheCreationInputTokens: Int
    /// Prompt tokens read from the provider's prompt cache.
    public var cacheReadInputTokens: Int

    public init(inputTokens: Int = 0, outputTokens: Int = 0, cacheCreationInputTokens: Int = 0, cacheReadInputTokens: Int = 0) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cacheCreationInputTokens = cacheCreationInputTokens
        self.cacheReadInputTokens = cacheReadInputTokens
    }
}

/// What a streamed call yields: text as it arrives, then the whole response.
public enum ModelStreamEvent: Sendable, Hashable {
    case text(String)
    case completed(ModelResponse)
}
