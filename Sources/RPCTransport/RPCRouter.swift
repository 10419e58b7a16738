public import Logging
public import PlutusWire
public import RPCCore

/// What a handler knows about the call it serves.
public struct RPCServerContext: Sendable {
    public let method: RPCMethod
    public let metadata: RPCMetadata
    public let deadline: RPCDeadline?
    private let serverLogger: Logger

    public init(method: RPCMethod, metadata: RPCMetadata, deadline: RPCDeadline?, logger: Logger) {
        self.method = method
        self.metadata = metadata
        self.deadline = deadline
        self.serverLogger = logger
    }

    /// The server's logger with this call's `trace_id` and `rpc.method` in its metadata; made
    /// when a handler asks for it, so calls that log nothing do not pay for it.
    public var logger: Logger {
        var logger = serverLogger
        logger[metadataKey: "rpc.method"] = "\(method.fullName)"
        if let trace = metadata.traceParent { logger[metadataKey: "trace_id"] = "\(trace.traceID)" }
        return logger
    }

    /// Metadata for a call this handler makes on the caller's behalf: the same trace with this
    /// hop as the parent (a new trace when the caller sent none), and the caller's idempotency key.
    public func outgoingMetadata() -> RPCMetadata {
        var outgoing = RPCMetadata()
        outgoing.traceParent = metadata.traceParent?.child() ?? TraceParent.newTrace()
        outgoing.idempotencyKey = metadata.idempotencyKey
        return outgoing
    }
}

/// Sends the response messages of a server-streaming call, in order.
///
/// `send` returns once the message is handed to the connection, so a handler producing faster
/// than the peer reads waits instead of buffering without bound; it throws once the call was
/// cancelled or the connection closed.
public struct RPCMessageSink: Sendable {
    private let deliver: @Sendable ([UInt8]) async throws -> Void

    public init(_ deliver: @escaping @Sendable ([UInt8]) async throws -> Void) {
        self.deliver = deliver
    }

    /// The sink a unary handler is given: it never sends through it.
    static let unused = RPCMessageSink { _ in throw RPCError(code: .internal, message: "a unary call has no stream") }

    public func send(_ payload: [UInt8]) async throws {
        try Task.checkCancellation()
        try await deliver(payload)
    }
}

/// The typed face of ``RPCMessageSink`` a streaming handler writes to.
public struct RPCResponseWriter<Response: WireMessage>: Sendable {
    let sink: RPCMessageSink

    public func send(_ message: Response) async throws {
        try await sink.send(message.serializedBytes())
    }
}

/// A registered handler on encoded messages.
public enum RPCHandler: Sendable {
    /// Request bytes in, the one response's bytes out.
    case unary(@Sendable (_ request: [UInt8], _ context: RPCServerContext) async throws -> [UInt8])
    /// Request bytes in, any number of responses through the sink.
    case serverStreaming(
        @Sendable (_ request: [UInt8], _ context: RPCServerContext, _ responses: RPCMessageSink) async throws -> Void)

    /// Runs the handler: the unary response, or `nil` once a streaming handler has sent
    /// everything. Deadlines are the transport's to enforce.
    public func invoke(
        _ request: [UInt8], context: RPCServerContext, responses: RPCMessageSink
    ) async throws -> [UInt8]? {
        switch self {
        case .unary(let handler):
            return try await handler(request, context)
        case .serverStreaming(let handler):
            try await handler(request, context, responses)
            return nil
        }
    }
}

extension RPCHandler {
    /// The error a caller sees for what a handler threw. One that is not an ``RPCError`` (nor a
    /// cancellation) reaches the caller as a bare `INTERNAL`; its detail is logged here, with the
    /// call's trace, server side and nowhere else.
    static func callerError(for error: any Error, context: RPCServerContext) -> RPCError {
        if !(error is RPCError) && !(error is CancellationError) {
            context.logger.error("an RPC handler failed", metadata: ["rpc.error": "\(error)"])
        }
        return RPCError(status: RPCError.status(for: error))
    }
}

/// The handlers a server serves, by full method name.
public struct RPCRouter: Sendable {
    private var handlers: [String: (method: RPCMethod, handler: RPCHandler)] = [:]

    public init() {}

    /// Serves `method` with a typed unary handler. A request that does not decode is answered
    /// with `INVALID_ARGUMENT`.
    public mutating func register<Request: WireMessage, Response: WireMessage>(
        _ method: RPCMethod,
        _ handler: @escaping @Sendable (Request, RPCServerContext) async throws -> Response
    ) {
        handlers[method.fullName] = (method, .unary { bytes, context in
            try await handler(Self.decode(bytes), context).serializedBytes()
        })
    }

    /// Serves `method` with a handler that answers with a response already encoded: for a
    /// handler that holds its answers as bytes (a cache), and need not decode them to send them.
    /// The bytes must be an encoded `Response`, which the caller decodes.
    public mutating func registerEncoded<Request: WireMessage, Response: WireMessage>(
        _ method: RPCMethod, responding: Response.Type,
        _ handler: @escaping @Sendable (Request, RPCServerContext) async throws -> [UInt8]
    ) {
        handlers[method.fullName] = (method, .unary { bytes, context in
            try await handler(Self.decode(bytes), context)
        })
    }

    /// Serves `method` with a typed server-streaming handler, which sends its responses through
    /// the writer and returns to end the call with OK.
    public mutating func registerServerStreaming<Request: WireMessage, Response: WireMessage>(
        _ method: RPCMethod,
        _ handler: @escaping @Sendable (Request, RPCResponseWriter<Response>, RPCServerContext) async throws -> Void
    ) {
        handlers[method.fullName] = (method, .serverStreaming { bytes, context, sink in
            try await handler(Self.decode(bytes), RPCResponseWriter(sink: sink), context)
        })
    }

    /// The handler for a full method name as a frame carries it, if one is registered, with the
    /// method parsed once at registration rather than on every call.
    public func route(_ fullName: String) -> (method: RPCMethod, handler: RPCHandler)? { handlers[fullName] }

    /// The handler for a full method name, if one is registered.
    public func handler(for method: String) -> RPCHandler? { handlers[method]?.handler }

    /// The full names of every registered method.
    public var methods: [String] { handlers.keys.sorted() }

    private static func decode<Request: WireMessage>(_ bytes: [UInt8]) throws -> Request {
        do {
            return try Request(serializedBytes: bytes)
        } catch {
            throw RPCError(code: .invalidArgument, message: "the request is not a \(Request.fullName)")
        }
    }
}
