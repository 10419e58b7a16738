import HTTPClient
import LanguageModels
import Logging
import PlutusTestSupport
import Synchronization

/// A provider wire format under test, pointed at the scripted model server.
struct ProviderKind: Sendable, CustomStringConvertible {
    let description: String
    let make: @Sendable (HTTPClient, String) -> any ModelClient

    static let anthropic = ProviderKind(description: "anthropic") { http, baseURL in
        AnthropicClient(http: http, apiKey: "sk-ant-test-key", model: "claude-test", baseURL: baseURL)
    }
    static let openAI = ProviderKind(description: "openai") { http, baseURL in
        OpenAIClient(http: http, apiKey: "sk-openai-test-key", model: "local-test", baseURL: baseURL + "/v1")
    }
    static let both = [anthropic, openAI]
}

/// One HTTP client for the whole test process: its thread serves every test.
let sharedHTTP: HTTPClient = {
    do {
        return try HTTPClient(logger: Logger(label: "plutus.test.llm"))
    } catch {
        fatalError("libcurl could not start: \(error)")
    }
}()

/// A language model over `kind` for a scripted key, retrying fast so tests stay quick.
func languageModel(
    _ kind: ProviderKind, key: String, attempts: Int = 4, breaker: CircuitBreaker = CircuitBreaker(failureThreshold: 100)
) throws -> LanguageModel {
    let client = kind.make(sharedHTTP, try ModelTestServer.shared().baseURL(key))
    return LanguageModel(
        client: client,
        retry: RetryPolicy(maximumAttempts: attempts, initialBackoff: .milliseconds(20), maximumBackoff: .milliseconds(40)),
        breaker: breaker, logger: quietLogger)
}

/// Collects streamed text.
final class TextCollector: Sendable {
    private let pieces = Mutex<[String]>([])
    var all: [String] { pieces.withLock { $0 } }
    var text: String { all.joined() }
    var onText: @Sendable (String) async -> Void { { [self] piece in pieces.withLock { $0.append(piece) } } }
}

let simpleRequest = ModelRequest(messages: [.init(.user, "Hello")], maxTokens: 64)
let testCaller = ModelCaller(userID: "user-1", purpose: "test")

/// Streams and drops the text.
let ignoreText: @Sendable (String) async -> Void = { _ in }

/// Logs warnings and worse: retries are expected here.
let quietLogger: Logger = {
    var logger = Logger(label: "plutus.test.llm")
    logger.logLevel = .warning
    return logger
}()
