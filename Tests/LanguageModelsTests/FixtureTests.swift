import Foundation
@testable import LanguageModels
import PlutusTestSupport
import Testing

/// The documented Anthropic and OpenAI payloads (Fixtures/README.md says where each is from),
/// parsed byte for byte, streams fed in chunks of every awkward size.
struct FixtureTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: Repository.path("Tests/LanguageModelsTests/Fixtures/\(name)"))))
    }

    /// The file's events, fed to the parser `chunkSize` bytes at a time, with LF or CRLF line ends.
    static func events(_ name: String, chunkSize: Int, crlf: Bool = false) throws -> [ServerSentEvent] {
        var bytes = try fixture(name)
        if crlf { bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8) }
        var parser = ServerSentEventParser()
        var events: [ServerSentEvent] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunkSize)
            events += try parser.push(bytes[start..<end])
            start = end
        }
        return events
    }

    static func anthropicStream(_ name: String, chunkSize: Int, crlf: Bool = false) throws -> (text: String, response: ModelResponse) {
        var stream = AnthropicMessageStream()
        var text = ""
        for event in try events(name, chunkSize: chunkSize, crlf: crlf) {
            text += try stream.apply(event) ?? ""
        }
        return (text, try stream.response())
    }

    static func openAIStream(_ name: String, chunkSize: Int) throws -> (text: String, response: ModelResponse) {
        var stream = OpenAICompletionStream()
        var text = ""
        for event in try events(name, chunkSize: chunkSize) {
            text += try stream.apply(event) ?? ""
        }
        return (text, try stream.response())
    }

    static let chunkSizes = [1, 2, 3, 7, 64, 100_000]

    @Test("the documented message response")
    func anthropicMessage() throws {
        let response = try AnthropicClient.response(from: JSONValue.parse(Self.fixture("anthropic-message.json"), what: "fixture"))
        #expect(response.model == "claude-sonnet-4-5-20250929")
        #expect(response.text == "Hi! My name is Claude.")
        #expect(response.stopReason == "end_turn")
        #expect(response.usage == TokenUsage(inputTokens: 2_095, outputTokens: 503))
        #expect(response.toolCalls.isEmpty)
    }

    @Test("the documented tool_use response, which has no usage")
    func anthropicToolUse() throws {
        let response = try AnthropicClient.response(from: JSONValue.parse(Self.fixture("anthropic-tool-use.json"), what: "fixture"))
        #expect(response.text == "I'll check the current weather in San Francisco for you.")
        #expect(response.stopReason == "tool_use")
        #expect(
            response.toolCalls == [
                .init(id: "toolu_01A09q90qw90lq917835lq9", name: "get_weather", input: ["location": "San Francisco, CA", "unit": "celsius"])
            ])
        #expect(response.usage == TokenUsage())
    }

    @Test("the documented basic stream, in chunks of any size", arguments: chunkSizes)
    func anthropicTextStream(chunkSize: Int) throws {
        let events = try Self.events("anthropic-stream-text.sse", chunkSize: chunkSize)
        #expect(events.map(\.type) == [
            "message_start", "content_block_start", "ping", "content_block_delta", "content_block_delta",
            "content_block_stop", "message_delta", "message_stop",
        ])
        let (text, response) = try Self.anthropicStream("anthropic-stream-text.sse", chunkSize: chunkSize)
        #expect(text == "Hello!")
        #expect(response.text == "Hello!")
        #expect(response.stopReason == "end_turn")
        // message_delta's usage is cumulative: the final output count replaces the first.
        #expect(response.usage == TokenUsage(inputTokens: 25, outputTokens: 15))
    }

    @Test("the basic stream with CRLF line ends", arguments: [1, 2, 5])
    func anthropicTextStreamCRLF(chunkSize: Int) throws {
        let (text, response) = try Self.anthropicStream("anthropic-stream-text.sse", chunkSize: chunkSize, crlf: true)
        #expect(text == "Hello!")
        #expect(response.usage.outputTokens == 15)
    }

    @Test("the documented tool-use stream assembles input_json_delta pieces", arguments: chunkSizes)
    func anthropicToolStream(chunkSize: Int) throws {
        #expect(try Self.events("anthropic-stream-tool-use.sse", chunkSize: chunkSize).count == 30)
        let (text, response) = try Self.anthropicStream("anthropic-stream-tool-use.sse", chunkSize: chunkSize)
        #expect(text == "Okay, let's check the weather for San Francisco, CA:")
        #expect(response.stopReason == "tool_use")
        #expect(
            response.toolCalls == [
                .init(
                    id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6", name: "get_weather",
                    input: ["location": "San Francisco, CA", "unit": "fahrenheit"])
            ])
        #expect(response.usage == TokenUsage(inputTokens: 472, outputTokens: 89))
    }

    @Test("an overloaded_error mid-stream throws overloaded after the text before it")
    func anthropicStreamError() throws {
        var stream = AnthropicMessageStream()
        var text = ""
        var thrown: ModelError?
        for event in try Self.events("anthropic-stream-error.sse", chunkSize: 3) {
            do {
                text += try stream.apply(event) ?? ""
            } catch {
                thrown = error
            }
        }
        #expect(text == "Hello")
        #expect(thrown?.kind == .overloaded)
        #expect(thrown?.isRetryable == true)
        #expect(thrown?.message.contains("Overloaded") == true)
    }

    @Test("a stream cut before message_stop is a network failure, not an answer")
    func anthropicStreamCut() throws {
        let bytes = try Self.fixture("anthropic-stream-text.sse")
        let cut = String(decoding: bytes, as: UTF8.self).components(separatedBy: "event: message_delta")[0]
        var parser = ServerSentEventParser()
        var stream = AnthropicMessageStream()
        for event in try parser.push(Array(cut.utf8)) { _ = try stream.apply(event) }
        #expect(throws: ModelError(.network, "the Anthropic stream ended before message_stop")) { try stream.response() }
    }

    @Test("the documented error body reads as a message and a type")
    func anthropicErrorBody() throws {
        let body = try JSONValue.parse(Self.fixture("anthropic-error.json"), what: "fixture")
        #expect(body["error"]?["type"] == "not_found_error")
        #expect(body["error"]?["message"] == "The requested resource could not be found.")
        #expect(ProviderTransport.kind(status: 404) == .badRequest)
    }

    @Test("the documented chat completion")
    func openAICompletion() throws {
        let response = try OpenAIClient.response(from: JSONValue.parse(Self.fixture("openai-chat-completion.json"), what: "fixture"))
        #expect(response.model == "gpt-5.4")
        #expect(response.text == "Hello! How can I assist you today?")
        #expect(response.stopReason == "stop")
        #expect(response.usage == TokenUsage(inputTokens: 19, outputTokens: 10))
    }

    @Test("the documented completion with tool_calls and null content")
    func openAIToolCalls() throws {
        let response = try OpenAIClient.response(
            from: JSONValue.parse(Self.fixture("openai-chat-completion-tool-calls.json"), what: "fixture"))
        #expect(response.text == "")
        #expect(response.stopReason == "tool_calls")
        #expect(response.toolCalls == [.init(id: "call_abc123", name: "get_current_weather", input: ["location": "Boston, MA"])])
        #expect(response.usage == TokenUsage(inputTokens: 82, outputTokens: 17))
    }

    @Test("the documented chunk stream ending in [DONE]", arguments: chunkSizes)
    func openAIStream(chunkSize: Int) throws {
        let (text, response) = try Self.openAIStream("openai-stream.sse", chunkSize: chunkSize)
        #expect(text == "Hello")
        #expect(response.stopReason == "stop")
        #expect(response.model == "gpt-4o-mini")
    }

    @Test("a stream the server stopped early ([DONE] with no finish reason) is a failure, not an answer")
    func openAIStreamStoppedEarly() throws {
        var parser = ServerSentEventParser()
        var stream = OpenAICompletionStream()
        var text = ""
        for event in try parser.push(Self.fixture("llama-cpp-python-stream-interrupted.sse")) {
            text += try stream.apply(event) ?? ""
        }
        #expect(text == "The model is")
        #expect(stream.isComplete)
        let thrown = #expect(throws: ModelError.self) { try stream.response() }
        #expect(thrown?.kind == .network)
    }

    @Test("streamed tool-call arguments with null ids and names in later chunks", arguments: chunkSizes)
    func openAIToolStream(chunkSize: Int) throws {
        let (text, response) = try Self.openAIStream("openai-stream-tool-calls.sse", chunkSize: chunkSize)
        #expect(text == "")
        #expect(response.stopReason == "tool_calls")
        #expect(response.toolCalls == [.init(id: "call_DdmO9pD3xa9XTPNJ32zg2hcA", name: "get_weather", input: ["location": "Paris, France"])])
    }
}
