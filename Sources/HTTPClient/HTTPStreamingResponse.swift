/// A response whose status and headers have arrived and whose body is still arriving.
public struct HTTPStreamingResponse: Sendable {
    /// The final status code.
    public var status: Int
    /// The final response's header fields.
    public var headers: HTTPHeaders
    /// The body, as byte chunks in arrival order. Iterate it once, from one task.
    public var body: HTTPResponseBody
}
