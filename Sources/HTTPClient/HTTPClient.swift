public import Logging

/// An async/await HTTP/1.1 and HTTP/2 client over libcurl's multi interface.
///
/// One dedicated thread runs every transfer of a client, so concurrent requests cost sockets,
/// not threads, and no blocking call runs on Swift's cooperative pool. Create one client per
/// process (or per configuration), share it, and call ``shutdown()`` when done.
///
/// Cancelling the task that awaits ``execute(_:)``, ``stream(_:)`` or a streamed body aborts the
/// transfer at once and throws `CancellationError`. Other failures throw ``HTTPClientError``.
public final class HTTPClient: Sendable {
    /// The defaults each request starts from.
    public let configuration: Configuration
    private let loop: CurlMultiLoop

    /// Creates a client and starts its thread.
    ///
    /// - Parameters:
    ///   - configuration: timeouts, TLS, proxies and limits; see ``Configuration``.
    ///   - logger: where the client logs (at debug level and above); metadata keys start `http.`.
    /// - Throws: ``HTTPClientError`` if libcurl cannot be initialised.
    public init(configuration: Configuration = .defaults, logger: Logger) throws(HTTPClientError) {
        self.configuration = configuration
        self.loop = try CurlMultiLoop(logger: logger)
    }

    deinit {
        loop.requestShutdown()
    }

    /// Sends `request` and returns the whole response once its body has arrived.
    ///
    /// A 4xx or 5xx status is a response, not an error.
    /// - Throws: ``HTTPClientError`` (bad request, connection, timeout, TLS, body larger than
    ///   ``Configuration/maximumBodySize``), or `CancellationError` if the task is cancelled.
    public func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        let mode = Transfer.Mode.buffered(maximumBodySize: configuration.maximumBodySize)
        return try await makeTransfer(request, mode: mode).response()
    }

    /// Sends `request` and returns as soon as the response's status and headers arrived; the body
    /// follows as ``HTTPStreamingResponse/body``.
    ///
    /// When the body's consumer falls behind by ``Configuration/streamBufferSize`` bytes, the
    /// transfer pauses until it catches up. Dropping the response (or the body) before its end,
    /// or cancelling the consuming task, aborts the transfer.
    /// - Throws: as ``execute(_:)``, for failures before the headers arrived.
    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        let transfer = try makeTransfer(request, mode: .streamed)
        let head = try await transfer.head()
        return HTTPStreamingResponse(status: head.status, headers: head.headers, body: HTTPResponseBody(transfer))
    }

    /// Aborts in-flight transfers (they throw ``HTTPClientError/Code/shutdown``), stops the thread
    /// and returns once it stopped. Later requests throw ``HTTPClientError/Code/shutdown``.
    public func shutdown() async {
        await loop.shutdown()
    }

    private func makeTransfer(_ request: HTTPRequest, mode: Transfer.Mode) throws(HTTPClientError) -> Transfer {
        let easy = try CurlEasy.make(for: request, configuration: configuration)
        return Transfer(easy: easy, mode: mode, configuration: configuration, loop: loop)
    }
}
