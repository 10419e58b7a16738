/// An HTTP request: method, URL, header fields, body bytes and optional per-request timeouts.
public struct HTTPRequest: Sendable, Hashable {
    /// An HTTP method. Any token is allowed; the common ones have constants.
    public struct Method: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral,
        CustomStringConvertible
    {
        public var rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }

        public static let get: Method = "GET"
        public static let head: Method = "HEAD"
        public static let post: Method = "POST"
        public static let put: Method = "PUT"
        public static let patch: Method = "PATCH"
        public static let delete: Method = "DELETE"
        public static let options: Method = "OPTIONS"

        public var description: String { rawValue }
    }

    /// The request method.
    public var method: Method
    /// The absolute `http` or `https` URL.
    public var url: String
    /// Header fields sent as given, after the ones libcurl adds (`Host`, `Content-Length`).
    public var headers: HTTPHeaders
    /// The body bytes; `nil` sends none.
    public var body: [UInt8]?
    /// The total time allowed for the whole transfer; `nil` uses the client's default.
    public var timeout: Duration?
    /// The time allowed to connect (including TLS); `nil` uses the client's default.
    public var connectTimeout: Duration?

    /// Creates a request.
    public init(
        method: Method = .get,
        url: String,
        headers: HTTPHeaders = [:],
        body: [UInt8]? = nil,
        timeout: Duration? = nil,
        connectTimeout: Duration? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.connectTimeout = connectTimeout
    }
}
