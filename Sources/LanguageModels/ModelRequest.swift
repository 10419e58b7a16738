/// What to ask a model, independent of the provider's wire format.
///
/// The system prompt comes in blocks so the long stable part (instructions, the person's facts)
/// can be marked for prompt caching; the turn-specific part follows in ``messages``.
public struct ModelRequest: Sendable, Hashable {
    /// A piece of the system prompt.
    public struct SystemBlock: Sendable, Hashable {
        public var text: String
        /// Whether the prompt up to and including this block is worth caching (Anthropic
        /// `cache_control: {"type": "ephemeral"}`).
        public var cacheable: Bool

        public init(_ text: String, cacheable: Bool = false) {
            self.text = text
            self.cacheable = cacheable
        }
    }

    /// One turn of the conversation the model continues.
    public struct Message: Sendable, Hashable {
        public enum Role: String, Sendable, Hashable {
            case user, assistant
        }

        public var role: Role
        public var text: String

        public init(_ role: Role, _ text: String) {
            self.role = role
            self.text = text
        }
    }

    /// A tool the model may call: here, always a way to return structured output.
    public struct Tool: Sendable, Hashable {
        public var name: String
        public var description: String
        public var inputSchema: JSONSchema

        public init(name: String, description: String, inputSchema: JSONSchema) {
            self.name = name
            self.description = description
            self.inputSchema = inputSchema
        }
    }

    public var system: [SystemBlock]
    public var messages: [Message]
    public var tools: [Tool]
    /// The tool the model must call, if any (structured output).
    public var requiredTool: String?
    public var maxTokens: Int
    public var temperature: Double?
    public var stopSequences: [String]
    /// Asks an OpenAI-compatible server for a JSON object (`response_format: json_object`) where
    /// it cannot call tools. Anthropic ignores it: use a tool there.
    public var jsonObject: Bool

    public init(
        system: [SystemBlock] = [], messages: [Message], tools: [Tool] = [], requiredTool: String? = nil,
        maxTokens: Int = 1_024, temperature: Double? = nil, stopSequences: [String] = [], jsonObject: Bool = false
    ) {
        self.system = system
        self.messages = messages
        self.tools = tools
        self.requiredTool = requiredTool
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.stopSequences = stopSequences
        self.jsonObject = jsonObject
    }

    /// The system prompt as one text.
    public var systemText: String { system.map(\.text).joined(separator: "\n\n") }
}
