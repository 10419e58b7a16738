import Coach
import LanguageModels
import PlutusService
import Testing

struct LanguageModelSettingsTests {
    @Test("offline by default; anthropic when a key is set")
    func defaults() throws {
        #expect(try LanguageModelSettings(environment: [:]).provider == .offline)
        let keyed = try LanguageModelSettings(environment: ["ANTHROPIC_API_KEY": "sk-ant-secret"])
        #expect(keyed.provider == .anthropic(apiKey: "sk-ant-secret", baseURL: "https://api.anthropic.com", model: AnthropicClient.defaultModel))
        #expect(!keyed.summary.contains("sk-ant-secret"))
        #expect(try LanguageModelSettings(environment: ["ANTHROPIC_API_KEY": "k", "PLUTUS_LLM": "offline"]).provider == .offline)
        // docker compose passes unset settings through as empty values: they count as not set.
        let passedThrough = ["PLUTUS_LLM": "", "PLUTUS_LLM_MODEL": "", "ANTHROPIC_API_KEY": "", "OPENAI_BASE_URL": ""]
        #expect(try LanguageModelSettings(environment: passedThrough).provider == .offline)
        let keyedThrough = passedThrough.merging(["ANTHROPIC_API_KEY": "sk-ant-secret"]) { _, new in new }
        #expect(try LanguageModelSettings(environment: keyedThrough).provider
            == .anthropic(apiKey: "sk-ant-secret", baseURL: "https://api.anthropic.com", model: AnthropicClient.defaultModel))
    }

    @Test("a local OpenAI-compatible server needs only its base URL; the model can be overridden")
    func openAI() throws {
        let settings = try LanguageModelSettings(environment: [
            "PLUTUS_LLM": "openai", "OPENAI_BASE_URL": "http://127.0.0.1:8080/v1", "PLUTUS_LLM_MODEL": "gemma-3-270m",
        ])
        #expect(settings.provider == .openAI(apiKey: nil, baseURL: "http://127.0.0.1:8080/v1", model: "gemma-3-270m", structuredOutput: .jsonObject))
        #expect(settings.cacheTTL == .seconds(300))
        #expect(settings.redisURL == nil)
    }

    @Test("OpenAI itself gets function calling, other servers JSON mode, unless told otherwise")
    func structuredOutputDefaults() throws {
        func mode(_ environment: [String: String]) throws -> OpenAIClient.StructuredOutput? {
            guard case .openAI(_, _, _, let mode) = try LanguageModelSettings(environment: environment).provider else { return nil }
            return mode
        }
        #expect(try mode(["PLUTUS_LLM": "openai", "OPENAI_API_KEY": "sk-x"]) == .tools)
        #expect(try mode(["PLUTUS_LLM": "openai", "OPENAI_API_KEY": "sk-x", "OPENAI_BASE_URL": "https://API.openai.com/v1"]) == .tools)
        #expect(try mode(["PLUTUS_LLM": "openai", "OPENAI_BASE_URL": "http://127.0.0.1:11434/v1"]) == .jsonObject)
        #expect(
            try mode(["PLUTUS_LLM": "openai", "OPENAI_BASE_URL": "http://127.0.0.1:11434/v1", "PLUTUS_LLM_STRUCTURED_OUTPUT": "tools"])
                == .tools)
    }

    @Test(
        "bad settings are refused with a reason, never echoing a key",
        arguments: [
            (["PLUTUS_LLM": "gpt"], "expected offline, anthropic or openai"),
            (["PLUTUS_LLM": "anthropic"], "needs an API key"),
            (["PLUTUS_LLM": "anthropic", "ANTHROPIC_API_KEY": ""], "needs an API key"),
            (["PLUTUS_LLM": "openai"], "needs a local server's base URL"),
            (["PLUTUS_LLM": "openai", "OPENAI_BASE_URL": "localhost:8080", "OPENAI_API_KEY": "sk-secret"], "http:// or https://"),
            (["ANTHROPIC_API_KEY": "sk-secret", "ANTHROPIC_BASE_URL": "ftp://x"], "http:// or https://"),
            (["PLUTUS_LLM": "openai", "OPENAI_BASE_URL": "http://x:1", "PLUTUS_LLM_STRUCTURED_OUTPUT": "xml"], "expected json or tools"),
            (["PLUTUS_LLM_USER_CALLS_PER_MINUTE": "0"], "from 1 to"),
            (["PLUTUS_LLM_CACHE_TTL_SECONDS": "soon"], "whole number"),
        ])
    func refused(environment: [String: String], reason: String) {
        #expect {
            try LanguageModelSettings(environment: environment)
        } throws: { error in
            let text = "\(error)"
            return text.contains(reason) && !text.contains("sk-secret")
        }
    }
}
