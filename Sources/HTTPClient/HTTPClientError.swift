import CCurl

/// An error thrown by ``HTTPClient``: a ``Code`` to switch on, a readable message and, when libcurl
/// reported the failure, its `CURLcode`.
///
/// A response with a 4xx or 5xx status is not an error: it is returned as an ``HTTPResponse``.
/// Cancelling the calling task throws `CancellationError`, not this type.
public struct HTTPClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added: switch with a `default` case.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable {
            case invalidRequest, invalidURL, connectFailed, timedOut, tls, network
            case tooManyRedirects, responseTooLarge, shutdown, other
        }

        private let wrapped: Wrapped
        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// The request could not be built: a bad method, header name or header value.
        public static let invalidRequest = Code(.invalidRequest)
        /// The URL is malformed or its scheme is neither `http` nor `https`.
        public static let invalidURL = Code(.invalidURL)
        /// The host (or proxy) could not be resolved or refused the connection.
        public static let connectFailed = Code(.connectFailed)
        /// The connect timeout or the total request timeout expired.
        public static let timedOut = Code(.timedOut)
        /// The TLS handshake or the peer's certificate verification failed.
        public static let tls = Code(.tls)
        /// The connection failed after it was established: reset, closed early, or a malformed reply.
        public static let network = Code(.network)
        /// The server redirected more often than ``HTTPClient/Configuration/maximumRedirects`` allows.
        public static let tooManyRedirects = Code(.tooManyRedirects)
        /// A buffered body grew past ``HTTPClient/Configuration/maximumBodySize``.
        public static let responseTooLarge = Code(.responseTooLarge)
        /// The client was shut down before the transfer finished.
        public static let shutdown = Code(.shutdown)
        /// Any other failure libcurl reported; ``HTTPClientError/curlCode`` says which.
        public static let other = Code(.other)

        public var description: String { "\(wrapped)" }
    }

    /// What kind of failure this is.
    public var code: Code
    /// A readable description, including libcurl's own message when there is one.
    public var message: String
    /// The raw `CURLcode` when libcurl reported the failure, `nil` otherwise.
    public var curlCode: Int?

    /// Creates an error with a code and a message, and optionally the `CURLcode` behind it.
    public init(code: Code, message: String, curlCode: Int? = nil) {
        self.code = code
        self.message = message
        self.curlCode = curlCode
    }

    public var description: String {
        let curl = curlCode.map { " (CURLcode \($0))" } ?? ""
        return "HTTPClientError.\(code): \(message)\(curl)"
    }
}

extension HTTPClientError {
    /// An error for a failed libcurl call, with the code mapped onto ``Code``.
    init(curlCode: CURLcode, message: String) {
        let detail = message.isEmpty ? String(cString: curl_easy_strerror(curlCode)) : message
        self.init(code: Code(curlCode), message: detail, curlCode: Int(curlCode.rawValue))
    }

    static func shutdown() -> HTTPClientError {
        HTTPClientError(code: .shutdown, message: "the HTTP client has been shut down")
    }
}

extension HTTPClientError.Code {
    /// The code for a libcurl result.
    init(_ curlCode: CURLcode) {
        switch curlCode {
        case CURLE_OPERATION_TIMEDOUT: self = .timedOut
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: self = .connectFailed
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL: self = .invalidURL
        case CURLE_TOO_MANY_REDIRECTS: self = .tooManyRedirects
        case CURLE_FILESIZE_EXCEEDED: self = .responseTooLarge
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING, CURLE_WEIRD_SERVER_REPLY,
            CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_BAD_CONTENT_ENCODING, CURLE_PROXY:
            self = .network
        default: self = Self.isTLS(curlCode) ? .tls : .other
        }
    }

    private static func isTLS(_ curlCode: CURLcode) -> Bool {
        switch curlCode {
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_CERTPROBLEM,
            CURLE_SSL_CIPHER, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_CACERT_BADFILE,
            CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT:
            return true
        default:
            return false
        }
    }
}
