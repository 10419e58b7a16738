/// A language model behind an API: one request in, one response out, optionally streamed.
public protocol ModelClient: Sendable {
    /// The provider's name as logs and the audit log record it (`anthropic`, `openai`).
    var provider: String { get }
    /// The model asked for.
    var model: String { get }

    /// Sends `request` once (no retries: ``LanguageModel`` adds those).
    ///
    /// - Parameters:
    ///   - timeout: the most the whole call may take; `nil` uses the HTTP client's default.
    ///   - onText: when given, the call streams and each piece of text is handed over as it
    ///     arrives; the returned response still holds the whole answer.
    /// - Throws: ``ModelError``, or `CancellationError`.
    func respond(
        to request: ModelRequest, timeout: Duration?, onText: (@Sendable (String) async -> Void)?
    ) async throws -> ModelResponse
}
