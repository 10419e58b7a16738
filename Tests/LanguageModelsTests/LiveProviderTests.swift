import Foundation
import LanguageModels
import Testing

/// Opt-in checks against real model servers, skipped (and said so) unless configured:
///
/// - `ANTHROPIC_API_KEY` (and optionally `ANTHROPIC_BASE_URL`, `PLUTUS_LLM_MODEL`): a live smoke
///   test of the Messages API.
/// - `PLUTUS_LOCAL_MODEL_URL`: an OpenAI-compatible server we did not write, such as the
///   llama-cpp-python server `make test-local-model` starts with Gemma 3 270M. Only shape,
///   streaming and JSON mode are checked: a 270M base model's words are not worth judging.
enum LiveProviders {
    static let environment = ProcessInfo.processInfo.environment
    static let anthropicKey = environment["ANTHROPIC_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
    static let localModelURL = environment["PLUTUS_LOCAL_MODEL_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let caller = ModelCaller(userID: "live-test", purpose: "test", deadline: .now + .seconds(120))

    static func model(_ client: any ModelClient) -> LanguageModel {
        LanguageModel(client: client, retry: RetryPolicy(maximumAttempts: 2), logger: quietLogger)
    }
}

@Suite(
    "live Anthropic smoke test",
    .enabled(if: LiveProviders.anthropicKey != nil, "set ANTHROPIC_API_KEY to run the live Anthropic smoke test"),
    .timeLimit(.minutes(2)))
struct LiveAnthropicTests {
    let model = LiveProviders.model(
        AnthropicClient(
            http: sharedHTTP, apiKey: LiveProviders.anthropicKey ?? "",
            model: LiveProviders.environment["PLUTUS_LLM_MODEL"] ?? AnthropicClient.defaultModel,
            baseURL: LiveProviders.environment["ANTHROPIC_BASE_URL"] ?? AnthropicClient.defaultBaseURL))

    @Test("a short answer, streamed, with usage")
    func streamed() async throws {
        let collector = TextCollector()
        let response = try await model.respond(
            to: ModelRequest(messages: [.init(.user, "Reply with exactly: ok")], maxTokens: 16), for: LiveProviders.caller,
            onText: collector.onText)
        #expect(!response.text.isEmpty && collector.text == response.text)
        #expect(response.usage.inputTokens > 0 && response.usage.outputTokens > 0)
    }

    @Test("structured output through a forced tool")
    func tool() async throws {
        let tool = ModelRequest.Tool(
            name: "record_color", description: "Record a color.",
            inputSchema: JSONSchema([
                "type": "object", "properties": ["color": ["type": "string", "enum": ["red", "green", "blue"]]],
                "required": ["color"],
            ]))
        let response = try await model.respond(
            to: ModelRequest(messages: [.init(.user, "The sky on a clear day.")], tools: [tool], requiredTool: tool.name, maxTokens: 100),
            for: LiveProviders.caller)
        let call = try #require(response.toolCalls.first)
        #expect(tool.inputSchema.violations(of: call.input).isEmpty)
    }
}

@Suite(
    "a real OpenAI-compatible server",
    .enabled(if: LiveProviders.localModelURL != nil, "set PLUTUS_LOCAL_MODEL_URL (make test-local-model does) to run these"),
    .serialized,  // one model, one request at a time: the tests time the server, not a queue
    .timeLimit(.minutes(5)))
struct LocalModelServerTests {
    let model = LiveProviders.model(
        OpenAIClient(http: sharedHTTP, apiKey: nil, model: "gemma-3-270m", baseURL: LiveProviders.localModelURL ?? ""))
    let question = ModelRequest(
        system: [.init("You are a helpful assistant.")], messages: [.init(.user, "Say hello.")], maxTokens: 24, temperature: 0)

    @Test("a completion has the documented shape: text, a finish reason, usage")
    func shape() async throws {
        let response = try await model.respond(to: question, for: LiveProviders.caller)
        #expect(response.stopReason == "stop" || response.stopReason == "length")
        #expect(response.usage.inputTokens > 0)
        #expect(response.usage.outputTokens > 0)
    }

    @Test("a streamed completion arrives in pieces and ends with [DONE]")
    func streaming() async throws {
        let collector = TextCollector()
        let response = try await model.respond(to: question, for: LiveProviders.caller, onText: collector.onText)
        #expect(collector.all.count > 1)
        #expect(collector.text == response.text)
        #expect(response.stopReason != nil)
    }

    @Test("JSON mode returns an object that matches the schema, streamed or not", arguments: [false, true])
    func jsonMode(streamed: Bool) async throws {
        let tool = ModelRequest.Tool(
            name: "greeting", description: "A greeting.",
            inputSchema: JSONSchema([
                "type": "object", "properties": ["text": ["type": "string", "maxLength": 40]], "required": ["text"],
                "additionalProperties": false,
            ]))
        let request = ModelRequest(
            messages: [.init(.user, "Give a greeting as JSON.")], tools: [tool], requiredTool: tool.name, maxTokens: 64,
            temperature: 0)
        let response = try await model.respond(to: request, for: LiveProviders.caller, onText: streamed ? ignoreText : nil)
        #expect(response.stopReason == "stop", "the object did not close within the tokens: \(response.text)")
        let call = try #require(response.toolCalls.first)
        #expect(tool.inputSchema.violations(of: call.input).isEmpty, "\(response.text)")
    }
}
