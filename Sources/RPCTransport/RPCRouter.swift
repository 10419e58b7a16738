public import PlutusWire
public import RPCCore

/// What a handler knows about the call it serves.
public struct RPCServerContext: Sendable {
    public let method: RPCMethod
    public let metadata: RPCMetadata
    public let deadline: RPCDeadline?

    public init(method: RPCMethod, metadata: RPCMetadata, deadline: RPCDeadline?) {
        self.method = method
        self.metadata = metadata
        self.deadline = deadline
    }
}

/// The handlers a server serves, by full method name.
public struct RPCRouter: Sendable {
    /// A handler on encoded messages: request bytes in, response bytes out.
    public typealias Handler = @Sendable (_ request: [UInt8], _ context: RPCServerContext) async throws -> [UInt8]

    private var handlers: [String: Handler] = [:]

    public init() {}

    /// Serves `method` with a typed unary handler. A request that does not decode is answered
    /// with `INVALID_ARGUMENT`.
    public mutating func register<Request: WireMessage, Response: WireMessage>(
        _ method: RPCMethod,
        _ handler: @escaping @Sendable (Request, RPCServerContext) async throws -> Response
    ) {
        handlers[method.fullName] = { bytes, context in
            let request: Request
            do {
                request = try Request(serializedBytes: bytes)
            } catch {
                throw RPCError(code: .invalidArgument, message: "the request is not a \(Request.fullName)")
            }
            return try await handler(request, context).serializedBytes()
        }
    }

    /// The handler for a full method name, if one is registered.
    public func handler(for method: String) -> Handler? { handlers[method] }

    /// The full names of every registered method.
    public var methods: [String] { handlers.keys.sorted() }
}
