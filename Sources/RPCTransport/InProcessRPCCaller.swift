public import Logging
import RPCCore

/// Calls a router's handlers directly, without sockets or frames, for unit tests of handlers.
///
/// What a caller sees matches a socket: unknown methods are `UNIMPLEMENTED`, deadlines are
/// enforced, and a handler's own errors reach the caller as a bare `INTERNAL`.
public struct InProcessRPCCaller: RPCCaller {
    private let router: RPCRouter
    private let logger: Logger

    public init(router: RPCRouter, logger: Logger = Logger(label: "plutus.rpc.in-process")) {
        self.router = router
        self.logger = logger
    }

    public func call(_ request: RPCRequest) async throws -> [UInt8] {
        let (handler, context) = try prepare(request)
        let discard = RPCMessageSink { _ in }
        do {
            let response = try await RPCDeadline.enforce(request.deadline) {
                try await handler.invoke(request.payload, context: context, responses: discard)
            }
            guard let response else {
                throw RPCError(code: .internal, message: "\(request.method) streams; call it with stream(_:)")
            }
            return response
        } catch {
            throw RPCHandler.callerError(for: error, context: context)
        }
    }

    public func stream(_ request: RPCRequest) -> AsyncThrowingStream<[UInt8], any Error> {
        let (responses, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        let prepared: (RPCHandler, RPCServerContext)
        do {
            prepared = try prepare(request)
        } catch {
            continuation.finish(throwing: error)
            return responses
        }
        let sink = RPCMessageSink { continuation.yield($0) }
        let task = Task {
            do {
                let unaryResponse = try await RPCDeadline.enforce(request.deadline) {
                    try await prepared.0.invoke(request.payload, context: prepared.1, responses: sink)
                }
                if let unaryResponse {
                    continuation.yield(unaryResponse)
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: RPCHandler.callerError(for: error, context: prepared.1))
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return responses
    }

    private func prepare(_ request: RPCRequest) throws -> (RPCHandler, RPCServerContext) {
        guard let (_, handler) = router.route(request.method.fullName) else {
            throw RPCError(code: .unimplemented, message: "no method \(request.method.fullName)")
        }
        if let deadline = request.deadline, deadline.hasPassed() {
            throw RPCError(code: .deadlineExceeded, message: "the deadline passed before the call started")
        }
        let context = RPCServerContext(
            method: request.method, metadata: request.metadata, deadline: request.deadline, logger: logger)
        return (handler, context)
    }
}
