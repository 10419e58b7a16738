import Foundation
import LanguageModels
import PlutusTestSupport
import Testing

/// Both wire formats against the scripted, fault-injecting server: answers, streams, structured
/// output, and every failure the issue names, each ending in the specified retry or error with no
/// hung request.
@Suite(.timeLimit(.minutes(1)))
struct FaultInjectionTests {
    let server: ModelTestServer

    init() throws {
        server = try ModelTestServer.shared()
    }

    @Test("a plain answer, with the provider's auth headers", arguments: ProviderKind.both)
    func plainAnswer(kind: ProviderKind) async throws {
        let key = try await server.script([["text": "Hi there.", "usage": ["input_tokens": 30, "output_tokens": 4]]])
        let response = try await languageModel(kind, key: key).respond(to: simpleRequest, for: testCaller)
        #expect(response.text == "Hi there.")
        #expect(response.usage.inputTokens == 30 && response.usage.outputTokens == 4)
        let sent = try await server.requests(key)
        #expect(sent.count == 1)
        if kind.description == "anthropic" {
            #expect(sent[0]["path"]?.stringValue?.hasSuffix("/v1/messages") == true)
            #expect(sent[0]["headers"]?["x-api-key"] == "sk-ant-test-key")
            #expect(sent[0]["headers"]?["anthropic-version"] == "2023-06-01")
            #expect(sent[0]["body"]?["max_tokens"] == 64)
        } else {
            #expect(sent[0]["path"]?.stringValue?.hasSuffix("/v1/chat/completions") == true)
            #expect(sent[0]["headers"]?["authorization"] == "Bearer sk-openai-test-key")
        }
    }

    @Test(
        "streamed text arrives in pieces, however the bytes are cut, with pings and unknown events",
        arguments: ProviderKind.both, [1, 3, 0])
    func streaming(kind: ProviderKind, chunkBytes: Int) async throws {
        let text = "Your savings rate is 18%. Nice work — ¡olé! 💸"
        let key = try await server.script([
            ["text": .string(text), "chunk_bytes": .number(Double(chunkBytes)), "ping": true, "unknown_events": true, "crlf": .bool(chunkBytes == 3)]
        ])
        let collector = TextCollector()
        let response = try await languageModel(kind, key: key).respond(to: simpleRequest, for: testCaller, onText: collector.onText)
        #expect(response.text == text)
        #expect(collector.text == text)
        #expect(collector.all.count > 3)
        #expect(try await server.requests(key).first?["body"]?["stream"] == true)
    }

    @Test("structured output: a forced tool (Anthropic) or JSON mode (OpenAI), streamed or not", arguments: ProviderKind.both, [false, true])
    func structuredOutput(kind: ProviderKind, streamed: Bool) async throws {
        let input: JSONValue = ["route": "get_advice", "confidence": 0.9]
        let key = try await server.script([["tool": ["name": "route_turn", "input": input], "json": input]])
        let tool = ModelRequest.Tool(name: "route_turn", description: "Route it.", inputSchema: JSONSchema(["type": "object"]))
        let request = ModelRequest(messages: [.init(.user, "Should I invest?")], tools: [tool], requiredTool: "route_turn")
        let response = try await languageModel(kind, key: key).respond(
            to: request, for: testCaller, onText: streamed ? ignoreText : nil)
        #expect(response.toolCalls.first?.name == "route_turn")
        #expect(response.toolCalls.first?.input == input)
        let body = try await server.requests(key)[0]["body"]
        if kind.description == "anthropic" {
            #expect(body?["tool_choice"] == ["type": "tool", "name": "route_turn"])
            #expect(body?["tools"]?.arrayValue?.first?["input_schema"] == ["type": "object"])
        } else {
            #expect(body?["response_format"] == ["type": "json_object", "schema": ["type": "object"]])
        }
    }

    @Test("429 with retry-after waits as long as asked, then succeeds", arguments: ProviderKind.both)
    func retryAfter(kind: ProviderKind) async throws {
        let key = try await server.script([["status": 429, "retry_after": "1"], ["text": "ok"]])
        let response = try await languageModel(kind, key: key).respond(to: simpleRequest, for: testCaller)
        #expect(response.text == "ok")
        let times = try await server.requests(key).compactMap { $0["received_at_ms"]?.doubleValue }
        #expect(times.count == 2)
        #expect(times[1] - times[0] >= 950)
    }

    @Test("529, 500, 502 and 503 are retried with backoff", arguments: ProviderKind.both)
    func serverErrorsRetried(kind: ProviderKind) async throws {
        let key = try await server.script([["status": 529], ["status": 500], ["status": 502], ["status": 503], ["text": "ok"]])
        let log = ModelCallLog()
        let response = try await ModelCallLog.$current.withValue(log) {
            try await languageModel(kind, key: key, attempts: 5).respond(to: simpleRequest, for: testCaller)
        }
        #expect(response.text == "ok")
        #expect(try await server.requests(key).count == 5)
        #expect(log.calls.map(\.attempts) == [5])
        #expect(log.calls.map(\.outcome) == [.answered])
    }

    @Test(
        "400, 401 and 403 are not retried",
        arguments: ProviderKind.both, [(400, ModelError.Kind.badRequest), (401, .unauthorized), (403, .forbidden)])
    func clientErrorsNotRetried(kind: ProviderKind, failure: (Int, ModelError.Kind)) async throws {
        let key = try await server.script([["status": .number(Double(failure.0))], ["text": "never"]])
        let error = await #expect(throws: ModelError.self) {
            try await languageModel(kind, key: key).respond(to: simpleRequest, for: testCaller)
        }
        #expect(error?.kind == failure.1)
        #expect(error?.status == failure.0)
        #expect(try await server.requests(key).count == 1)
    }

    @Test("retries stop at the last attempt with the last failure", arguments: ProviderKind.both)
    func attemptsRunOut(kind: ProviderKind) async throws {
        let key = try await server.script([["status": 529]])
        let error = await #expect(throws: ModelError.self) {
            try await languageModel(kind, key: key, attempts: 3).respond(to: simpleRequest, for: testCaller)
        }
        #expect(error?.kind == .overloaded)
        #expect(try await server.requests(key).count == 3)
    }

    @Test("a slow first byte runs into the caller's deadline instead of hanging", arguments: ProviderKind.both)
    func slowFirstByte(kind: ProviderKind) async throws {
        let key = try await server.script([["delay_ms": 5_000, "text": "late"]])
        let caller = ModelCaller(userID: "user-1", purpose: "test", deadline: .now + .milliseconds(400))
        let started = ContinuousClock.now
        let error = await #expect(throws: ModelError.self) {
            try await languageModel(kind, key: key).respond(to: simpleRequest, for: caller, onText: { _ in })
        }
        #expect(error?.kind == .deadlineExceeded)
        // Hanging would take the server's 5 s; the margin is for a machine busy with every other suite.
        #expect(ContinuousClock.now - started < .seconds(4))
    }

    @Test("a retry-after longer than the deadline allows fails at once", arguments: ProviderKind.both)
    func retryAfterPastDeadline(kind: ProviderKind) async throws {
        let key = try await server.script([["status": 429, "retry_after": "30"], ["text": "ok"]])
        let caller = ModelCaller(userID: "user-1", purpose: "test", deadline: .now + .seconds(5))
        let started = ContinuousClock.now
        let error = await #expect(throws: ModelError.self) {
            try await languageModel(kind, key: key).respond(to: simpleRequest, for: caller)
        }
        #expect(error?.kind == .rateLimited)
        // Waiting would take the deadline's 5 s (or retry-after's 30); the margin is for a busy machine.
        #expect(ContinuousClock.now - started < .seconds(4))
    }

    @Test("a connection reset mid-body is retried", arguments: ProviderKind.both)
    func resetBuffered(kind: ProviderKind) async throws {
        let key = try await server.script([["reset": true], ["text": "second time lucky"]])
        let response = try await languageModel(kind, key: key).respond(to: simpleRequest, for: testCaller)
        #expect(response.text == "second time lucky")
        #expect(try await server.requests(key).count == 2)
    }

    @Test("a reset before any text is retried; after text it fails rather than repeat the text")
    func resetMidStream() async throws {
        // Anthropic's first two events carry no text; OpenAI's second chunk does.
        let anthropicKey = try await server.script([["reset": true], ["text": "whole answer"]])
        let collector = TextCollector()
        let response = try await languageModel(.anthropic, key: anthropicKey).respond(
            to: simpleRequest, for: testCaller, onText: collector.onText)
        #expect(response.text == "whole answer" && collector.text == "whole answer")

        let openAIKey = try await server.script([["reset": true], ["text": "whole answer"]])
        let partial = TextCollector()
        let error = await #expect(throws: ModelError.self) {
            try await languageModel(.openAI, key: openAIKey).respond(to: simpleRequest, for: testCaller, onText: partial.onText)
        }
        #expect(error?.kind == .network)
        #expect(try await server.requests(openAIKey).count == 1)
        #expect(!partial.text.isEmpty && partial.text != "whole answer")
    }

    @Test("an error event mid-stream surfaces as overloaded after the text so far", arguments: ProviderKind.both)
    func streamError(kind: ProviderKind) async throws {
        let key = try await server.script([["stream_error": true, "text": "Hello there friend"]])
        let error = await #expect(throws: ModelError.self) {
            try await languageModel(kind, key: key).respond(to: simpleRequest, for: testCaller, onText: { _ in })
        }
        #expect(error?.isRetryable == true)
        #expect(try await server.requests(key).count == 1)
    }

    @Test("a stream cut before its end is a network failure, never a truncated answer", arguments: ProviderKind.both)
    func cutStream(kind: ProviderKind) async throws {
        let key = try await server.script([["cut": true, "text": "Hello there friend"]])
        let error = await #expect(throws: ModelError.self) {
            try await languageModel(kind, key: key).respond(to: simpleRequest, for: testCaller, onText: { _ in })
        }
        #expect(error?.kind == .network)
    }

    @Test("malformed JSON is an invalid response and not retried", arguments: ProviderKind.both, [false, true])
    func malformed(kind: ProviderKind, streamed: Bool) async throws {
        let key = try await server.script([["malformed": true]])
        let error = await #expect(throws: ModelError.self) {
            try await languageModel(kind, key: key).respond(to: simpleRequest, for: testCaller, onText: streamed ? ignoreText : nil)
        }
        #expect(error?.kind == .invalidResponse)
        #expect(try await server.requests(key).count == 1)
    }

    @Test("the breaker opens after repeated failures and then fails fast without a request")
    func breakerFailsFast() async throws {
        let key = try await server.script([["status": 500]])
        let model = try languageModel(
            .anthropic, key: key, attempts: 1, breaker: CircuitBreaker(failureThreshold: 2, coolingPeriod: .seconds(60)))
        for _ in 0..<2 {
            await #expect(throws: ModelError.self) { try await model.respond(to: simpleRequest, for: testCaller) }
        }
        let error = await #expect(throws: ModelError.self) { try await model.respond(to: simpleRequest, for: testCaller) }
        #expect(error?.kind == .circuitOpen)
        #expect(try await server.requests(key).count == 2)
    }

    @Test("identifiers are redacted before the prompt leaves; cacheable blocks carry cache_control")
    func redactionAndPromptCaching() async throws {
        let key = try await server.script([["text": "ok"]])
        let request = ModelRequest(
            system: [.init("You are a coach.", cacheable: false), .init("Facts: net_worth = 12,345.67 USD", cacheable: true)],
            messages: [.init(.user, "I'm jane@example.com, card 4111 1111 1111 1111, SSN 123-45-6789. Worth $12,345.67?")])
        _ = try await languageModel(.anthropic, key: key).respond(to: request, for: testCaller)
        let body = try #require(try await server.requests(key).first?["body"])
        let sent = body.jsonText
        for secret in ["jane@example.com", "4111 1111 1111 1111", "123-45-6789"] { #expect(!sent.contains(secret)) }
        #expect(body["messages"]?.arrayValue?.first?["content"] == "I'm [email], card [card number], SSN [ssn]. Worth $12,345.67?")
        let system = try #require(body["system"]?.arrayValue)
        #expect(system.map { $0["cache_control"] } == [nil, ["type": "ephemeral"]])
    }
}
