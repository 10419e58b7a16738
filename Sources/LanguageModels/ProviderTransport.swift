import HTTPClient

/// The HTTP plumbing both providers share: POST a JSON body, turn failures into ``ModelError``,
/// and read a `text/event-stream` body as events.
struct ProviderTransport: Sendable {
    let http: HTTPClient
    /// Names the provider in error messages (`Anthropic`, `OpenAI-compatible`).
    let provider: String
    /// Reads the provider's error body into a message and, when it names one, an error type.
    let describeError: @Sendable (JSONValue) -> (message: String, type: String?)

    /// The most bytes of an error body read (they are only a message).
    private static let errorBodyLimit = 64 << 10

    /// POSTs `body` and returns the parsed JSON of a 2xx answer.
    func post(_ url: String, headers: HTTPHeaders, body: JSONValue, timeout: Duration?) async throws -> JSONValue {
        let response: HTTPResponse
        do {
            response = try await http.execute(request(url, headers: headers, body: body, timeout: timeout))
        } catch let error as HTTPClientError {
            throw Self.modelError(error, provider: provider)
        }
        guard (200..<300).contains(response.status) else {
            throw failure(status: response.status, headers: response.headers, body: response.body)
        }
        return try JSONValue.parse(response.body, what: "the \(provider) response")
    }

    /// POSTs `body` and yields the server-sent events of a 2xx answer as they arrive.
    func stream(_ url: String, headers: HTTPHeaders, body: JSONValue, timeout: Duration?) async throws
        -> ServerSentEventStream
    {
        let response: HTTPStreamingResponse
        do {
            response = try await http.stream(request(url, headers: headers, body: body, timeout: timeout))
        } catch let error as HTTPClientError {
            throw Self.modelError(error, provider: provider)
        }
        guard (200..<300).contains(response.status) else {
            let bytes = (try? await response.body.collect(upTo: Self.errorBodyLimit)) ?? []
            throw failure(status: response.status, headers: response.headers, body: bytes)
        }
        return ServerSentEventStream(body: response.body, provider: provider)
    }

    private func request(_ url: String, headers: HTTPHeaders, body: JSONValue, timeout: Duration?) -> HTTPRequest {
        var headers = headers
        headers.replaceOrAdd(name: "content-type", value: "application/json")
        return HTTPRequest(method: .post, url: url, headers: headers, body: body.encoded(), timeout: timeout)
    }

    /// The error for a non-2xx answer: its kind from the status, its message from the body.
    func failure(status: Int, headers: HTTPHeaders, body: [UInt8]) -> ModelError {
        let parsed = (try? JSONValue.parse(body, what: "the error body")).map(describeError)
        var message = parsed?.message ?? String(decoding: body.prefix(200), as: UTF8.self)
        if let type = parsed?.type { message = "\(type): \(message)" }
        if let requestID = headers["request-id"] ?? headers["x-request-id"] { message += " (request \(requestID))" }
        return ModelError(
            Self.kind(status: status), "\(provider) answered \(status): \(message)", status: status,
            retryAfter: Self.retryAfter(headers))
    }

    static func kind(status: Int) -> ModelError.Kind {
        switch status {
        case 401: .unauthorized
        case 403: .forbidden
        case 429: .rateLimited
        case 529: .overloaded
        case 500...599: .server
        default: .badRequest
        }
    }

    /// The wait a `retry-after-ms` or `retry-after` header (in seconds) asks for.
    static func retryAfter(_ headers: HTTPHeaders) -> Duration? {
        if let milliseconds = headers["retry-after-ms"].flatMap(Double.init), milliseconds >= 0, milliseconds.isFinite {
            return .milliseconds(milliseconds)
        }
        if let seconds = headers["retry-after"].flatMap(Double.init), seconds >= 0, seconds.isFinite {
            return .milliseconds(seconds * 1_000)
        }
        return nil
    }

    static func modelError(_ error: HTTPClientError, provider: String) -> ModelError {
        switch error.code {
        case .timedOut: ModelError(.deadlineExceeded, "\(provider) did not answer in time: \(error.message)")
        case .invalidURL, .invalidRequest: ModelError(.badRequest, "the \(provider) request is invalid: \(error.message)")
        default: ModelError(.network, "the connection to \(provider) failed: \(error.message)")
        }
    }
}

/// A streamed body read as server-sent events; transport failures surface as ``ModelError``.
struct ServerSentEventStream: AsyncSequence, Sendable {
    typealias Element = ServerSentEvent

    let body: HTTPResponseBody
    let provider: String

    func makeAsyncIterator() -> Iterator {
        Iterator(chunks: body.makeAsyncIterator(), provider: provider)
    }

    struct Iterator: AsyncIteratorProtocol {
        var chunks: HTTPResponseBody.AsyncIterator
        let provider: String
        var parser = ServerSentEventParser()
        var ready: [ServerSentEvent] = []

        init(chunks: HTTPResponseBody.AsyncIterator, provider: String) {
            self.chunks = chunks
            self.provider = provider
        }

        mutating func next() async throws -> ServerSentEvent? {
            while ready.isEmpty {
                let chunk: [UInt8]?
                do {
                    chunk = try await chunks.next()
                } catch let error as HTTPClientError {
                    throw ProviderTransport.modelError(error, provider: provider)
                }
                guard let chunk else { return nil }
                ready = try parser.push(chunk).reversed()
            }
            return ready.removeLast()
        }
    }
}
