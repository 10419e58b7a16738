public import PlutusWire
public import RPCCore

/// A call as a caller states it: the method, the encoded request, and how long it may take.
public struct RPCRequest: Sendable {
    public var method: RPCMethod
    public var payload: [UInt8]
    public var deadline: RPCDeadline?
    public var metadata: RPCMetadata

    public init(method: RPCMethod, payload: [UInt8], deadline: RPCDeadline? = nil, metadata: RPCMetadata = [:]) {
        self.method = method
        self.payload = payload
        self.deadline = deadline
        self.metadata = metadata
    }

    /// Marked safe to send again (it carries an idempotency key): a client may retry it on
    /// another replica when one fails before answering.
    public var isIdempotent: Bool { metadata.idempotencyKey?.isEmpty == false }
}

/// Anything that carries calls to a server: one connection, a balanced pool of replicas, or a
/// router in the same process.
///
/// Conformers implement the two calls on encoded messages; the typed `unary` and
/// `serverStreaming` come with the protocol.
public protocol RPCCaller: Sendable {
    /// Makes a unary call; throws ``RPCError`` with the call's status when it is not OK.
    /// Cancelling the calling task cancels the call (`CANCELLED`).
    func call(_ request: RPCRequest) async throws -> [UInt8]

    /// Makes a server-streaming call: the responses in order, ending normally on OK or throwing
    /// ``RPCError`` with the call's status. Dropping the iteration cancels the call.
    func stream(_ request: RPCRequest) -> AsyncThrowingStream<[UInt8], any Error>
}

extension RPCCaller {
    /// Makes a unary call with typed messages.
    /// - Throws: ``RPCError`` with the call's status, or ``WireError`` for an undecodable answer.
    public func unary<Request: WireMessage, Response: WireMessage>(
        _ method: RPCMethod, _ request: Request, as: Response.Type = Response.self,
        deadline: RPCDeadline? = nil, metadata: RPCMetadata = [:]
    ) async throws -> Response {
        let bytes = try await call(
            RPCRequest(method: method, payload: try request.serializedBytes(), deadline: deadline, metadata: metadata))
        return try Response(serializedBytes: bytes)
    }

    /// Makes a server-streaming call with typed messages.
    public func serverStreaming<Request: WireMessage, Response: WireMessage>(
        _ method: RPCMethod, _ request: Request, as: Response.Type = Response.self,
        deadline: RPCDeadline? = nil, metadata: RPCMetadata = [:]
    ) throws -> RPCResponseStream<Response> {
        let bytes = stream(
            RPCRequest(method: method, payload: try request.serializedBytes(), deadline: deadline, metadata: metadata))
        return RPCResponseStream(bytes)
    }
}

/// The typed responses of a server-streaming call.
public struct RPCResponseStream<Response: WireMessage>: AsyncSequence, Sendable {
    public typealias Element = Response
    private let bytes: AsyncThrowingStream<[UInt8], any Error>

    init(_ bytes: AsyncThrowingStream<[UInt8], any Error>) {
        self.bytes = bytes
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var bytes: AsyncThrowingStream<[UInt8], any Error>.AsyncIterator

        public mutating func next() async throws -> Response? {
            guard let payload = try await bytes.next() else { return nil }
            return try Response(serializedBytes: payload)
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(bytes: bytes.makeAsyncIterator()) }
}
