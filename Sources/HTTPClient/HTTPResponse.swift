/// A complete response: status, header fields and the whole body.
public struct HTTPResponse: Sendable, Hashable {
    /// The final status code (after any followed redirects).
    public var status: Int
    /// The final response's header fields, in order, repeats kept.
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: [UInt8]

    public init(status: Int, headers: HTTPHeaders, body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
