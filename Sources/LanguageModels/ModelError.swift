/// Why a model call failed, and whether trying again may help.
public struct ModelError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// 429 from the provider.
        case rateLimited
        /// 529, or an `overloaded_error` (including one mid-stream).
        case overloaded
        /// 500, 502, 503 or another server error.
        case server
        /// The connection failed, was reset, or the stream ended early.
        case network
        /// 400, 404, 413 or 422: the request itself is wrong; retrying cannot help.
        case badRequest
        /// 401: the API key is missing or wrong.
        case unauthorized
        /// 403: the key may not use this model or feature.
        case forbidden
        /// The provider answered with something that is not the documented shape.
        case invalidResponse
        /// The model's structured output did not match the tool's schema.
        case invalidOutput
        /// The circuit breaker is open: calls fail fast until the provider recovers.
        case circuitOpen
        /// Plutus's own per-user or global limit on model calls.
        case rateLimitExceeded
        /// The call's deadline passed.
        case deadlineExceeded
    }

    public var kind: Kind
    public var message: String
    /// The HTTP status, when the provider answered with one.
    public var status: Int?
    /// How long the provider asked us to wait (`retry-after`), when it said.
    public var retryAfter: Duration?

    public init(_ kind: Kind, _ message: String, status: Int? = nil, retryAfter: Duration? = nil) {
        self.kind = kind
        self.message = message
        self.status = status
        self.retryAfter = retryAfter
    }

    /// Whether the same request may succeed if sent again (429, 5xx, 529, network failures).
    public var isRetryable: Bool {
        switch kind {
        case .rateLimited, .overloaded, .server, .network: true
        default: false
        }
    }

    /// Whether the failure says the provider is unwell (what the circuit breaker counts), as opposed
    /// to a problem with this request or with Plutus's own limits.
    public var isProviderFault: Bool { isRetryable || kind == .invalidResponse }

    public var description: String {
        let status = self.status.map { " (HTTP \($0))" } ?? ""
        return "\(kind)\(status): \(message)"
    }
}
