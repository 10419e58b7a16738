import Coach
import HTTPClient
import LanguageModels
import Logging
import PlutusTestSupport
import PlutusWire
import RPCCore
import Synchronization
import Testing

/// The agents over a real model client (Anthropic's wire format) against the scripted server:
/// structured output checked and retried, fallback to the offline engine, streaming, compliance,
/// the calls each result reports, and one user's data never in another's prompt.
@Suite(.timeLimit(.minutes(1)))
struct ModelProviderTests {
    static let http: HTTPClient = {
        do { return try HTTPClient(logger: Logger(label: "plutus.test.coach-llm")) } catch { fatalError("\(error)") }
    }()

    static var logger: Logger {
        var logger = Logger(label: "plutus.test.coach-llm")
        logger.logLevel = .error
        return logger
    }

    let server: ModelTestServer

    init() throws {
        server = try ModelTestServer.shared()
    }

    func provider(_ key: String, breaker: CircuitBreaker = CircuitBreaker()) -> ModelLanguageProvider {
        let client = AnthropicClient(http: Self.http, apiKey: "sk-test", model: "claude-test", baseURL: server.baseURL(key))
        return ModelLanguageProvider(
            LanguageModel(
                client: client, retry: RetryPolicy(maximumAttempts: 2, initialBackoff: .milliseconds(10)), breaker: breaker,
                logger: Self.logger))
    }

    func answer(_ agent: any CoachAgent, _ request: AgentRequest, onText: (@Sendable (String) async -> Void)? = nil)
        async throws -> AgentResult
    {
        try await agent.answer(request, deadline: RPCDeadline(after: .seconds(20)), onText: onText)
    }

    @Test("the route comes from the model's tool call, and the result reports the call")
    func routeFromTheModel() async throws {
        let key = try await server.script([
            ["tool": ["name": "route_turn", "input": ["route": "get_advice", "intent": "advice", "confidence": 0.8]]]
        ])
        let result = try await answer(ConversationAgent(provider: provider(key)), Person.request("what now?"))
        #expect(result.route == .getAdvice)
        #expect(result.intent == "advice")
        #expect(!result.degraded)
        #expect(result.model == "claude-test")
        #expect(result.modelCalls.map(\.purpose) == ["classify"])
        #expect(result.modelCalls.first?.outcome == "answered")
        #expect(result.modelCalls.first?.inputTokens == 25)
    }

    @Test("output that breaks the schema is sent back once with the reasons, then accepted")
    func invalidOutputRetriedOnce() async throws {
        let key = try await server.script([
            ["tool": ["name": "route_turn", "input": ["route": "buy_bitcoin", "intent": "advice", "confidence": 2]]],
            ["tool": ["name": "route_turn", "input": ["route": "analyze_finances", "intent": "analysis", "confidence": 0.9]]],
        ])
        let result = try await answer(ConversationAgent(provider: provider(key)), Person.request("how am I doing"))
        #expect(result.route == .analyzeFinances)
        #expect(!result.degraded)
        let sent = try await server.requests(key)
        #expect(sent.count == 2)
        let correction = sent[1]["body"]?["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
        #expect(correction.contains("$.route"))
        #expect(correction.contains("$.confidence: 2.0 is above the maximum 1.0"))
    }

    @Test("output invalid twice falls back to the offline engine for that step, and says degraded")
    func invalidTwiceFallsBack() async throws {
        let key = try await server.script([["raw_tool_input": "{\"route\": \"nowhere\"}"]])
        let result = try await answer(ConversationAgent(provider: provider(key)), Person.request("what's my net worth"))
        #expect(result.route == .analyzeFinances)  // the offline classifier's answer
        #expect(result.degraded)
        #expect(try await server.requests(key).count == 2)
    }

    @Test("a goal amount the person never wrote is rejected; the corrected one is used")
    func unstatedAmountRejected() async throws {
        let goal: JSONValue = ["type": "wedding", "title": "Wedding", "target_date": "2028-06-30", "priority": nil]
        var invented = goal.objectValue ?? [:]
        invented["target_amount"] = 25_000
        var stated = goal.objectValue ?? [:]
        stated["target_amount"] = 20_000
        let key = try await server.script([
            ["tool": ["name": "record_goals", "input": ["goals": [.object(invented)]]]],
            ["tool": ["name": "record_goals", "input": ["goals": [.object(stated)]]]],
            ["text": "A wedding fund is a lovely goal."],
        ])
        let result = try await answer(
            GoalAgent(provider: provider(key), logger: Self.logger),
            Person.request("I want to save $20,000 for a wedding by June 2028", route: .discussGoals))
        #expect(result.goals.first?.targetAmountCents == 20_000_00)
        #expect(result.goals.first?.targetDate == "2028-06-30")
        #expect(!result.degraded)
        let sent = try await server.requests(key)
        let correction = sent[1]["body"]?["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
        #expect(correction.contains("25000.0 is not an amount the person wrote"))
        #expect(result.modelCalls.map(\.purpose) == ["extract_goals", "extract_goals", "write"])
    }

    @Test("the reply streams to the listener, and the compliance review still checks it")
    func streamedReplyReviewed() async throws {
        let key = try await server.script([["text": "Your net worth is $15,300. Nicely done, Avery."]])
        let collector = Collector()
        let result = try await answer(
            FinancialAgent(provider: provider(key), logger: Self.logger),
            Person.request("what's my net worth", route: .analyzeFinances), onText: collector.append)
        #expect(result.reply == "Your net worth is $15,300. Nicely done, Avery.")
        #expect(collector.text == result.reply)
        #expect(!result.degraded)

        let inventing = try await server.script([["text": "Your net worth is $99,999 and will double by 2030."]])
        let reviewed = try await answer(
            FinancialAgent(provider: provider(inventing), logger: Self.logger),
            Person.request("what's my net worth", route: .analyzeFinances))
        #expect(!reviewed.reply.contains("99,999"))
        #expect(reviewed.reply.contains("$15,300"), "\(reviewed.reply)")
    }

    @Test("with the circuit open the agent answers offline at once, degraded, without a request")
    func circuitOpenAnswersOffline() async throws {
        let key = try await server.script([["status": 529]])
        let breaker = CircuitBreaker(failureThreshold: 1, coolingPeriod: .seconds(60))
        let agent = FinancialAgent(provider: provider(key, breaker: breaker), logger: Self.logger)
        let first = try await answer(agent, Person.request("what's my net worth", route: .analyzeFinances))
        #expect(first.degraded)
        #expect(first.reply.contains("$15,300"))
        let requestsSoFar = try await server.requests(key).count
        let second = try await answer(agent, Person.request("what's my net worth", route: .analyzeFinances))
        #expect(second.degraded)
        #expect(second.modelCalls.map(\.outcome) == ["failed:circuitOpen"])
        #expect(try await server.requests(key).count == requestsSoFar)
    }

    @Test("one person's facts never reach another person's prompt")
    func promptsStayPerUser() async throws {
        let key = try await server.script([["text": "Here is where you stand."]])
        let agent = FinancialAgent(provider: provider(key), logger: Self.logger)
        _ = try await answer(agent, Person.request("what's my net worth", route: .analyzeFinances))
        var other = Person.request("what's my net worth", route: .analyzeFinances)
        other.userID = "7d1f7c3e-0000-4000-8000-00000000beef"
        other.context = UserContext(
            userID: other.userID, version: 1,
            profile: UserProfile(userID: other.userID, name: "Blake Rivera", annualIncomeCents: 50_000_00, currency: "USD"),
            accounts: [Account(id: "b-checking", type: "checking", name: "Blake checking", balanceCents: 812_00)])
        _ = try await answer(agent, other)
        let sent = try await server.requests(key).map { $0["body"]?.jsonText ?? "" }
        #expect(sent.count == 2)
        #expect(sent[0].contains("15,300") && !sent[0].contains("Blake"))
        #expect(sent[1].contains("Blake") && !sent[1].contains("Avery") && !sent[1].contains("15,300"))
    }
}

/// Collects streamed text.
final class Collector: Sendable {
    private let pieces = Mutex<[String]>([])
    var text: String { pieces.withLock { $0.joined() } }
    var append: @Sendable (String) async -> Void { { [self] piece in pieces.withLock { $0.append(piece) } } }
}
