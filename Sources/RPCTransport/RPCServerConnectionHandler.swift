public import Logging
public import NIOCore
public import PlutusWire
import RPCCore

/// Serves the calls of one connection: frames in, handler tasks, frames out.
///
/// The protocol's rules are ``ServerConnectionStateMachine``'s; this handler only translates
/// frames into its events and carries out its actions on the event loop. Each call runs in its
/// own task, bounded by the call's deadline; a CANCEL frame or the connection closing cancels it.
public final class RPCServerConnectionHandler: ChannelInboundHandler {
    public typealias InboundIn = Frame
    public typealias OutboundOut = Frame

    private let router: RPCRouter
    private let clusterToken: String?
    private let logger: Logger
    private var machine: ServerConnectionStateMachine
    private var calls: [UInt64: Task<Void, Never>] = [:]

    /// - Parameter clusterToken: when set, every call must carry it as `cluster-token` metadata
    ///   (compared in constant time) or is refused with `UNAUTHENTICATED`.
    public init(router: RPCRouter, maximumConcurrentCalls: Int = 128, clusterToken: String? = nil, logger: Logger) {
        self.router = router
        self.clusterToken = clusterToken
        self.logger = logger
        self.machine = ServerConnectionStateMachine(maximumConcurrentCalls: maximumConcurrentCalls)
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        guard let kind = RPCFrameKind(frame.kind) else {
            return close(context, reason: "a frame of unknown kind \(frame.kind.rawValue) on stream \(frame.streamID)")
        }
        switch machine.receive(kind, streamID: frame.streamID) {
        case .startCall(let streamID):
            start(frame, streamID: streamID, context: context)
        case .reject(let streamID, let status):
            context.writeAndFlush(wrapOutboundOut(.end(streamID: streamID, status: status)), promise: nil)
        case .cancelCall(let streamID):
            calls[streamID]?.cancel()
        case .ignore:
            break
        case .closeConnection(let reason):
            close(context, reason: reason)
        }
    }

    public func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is RPCServerDrain else { return context.fireUserInboundEventTriggered(event) }
        if machine.beginDraining() { context.close(promise: nil) }
    }

    public func channelInactive(context: ChannelHandlerContext) {
        for call in calls.values { call.cancel() }
        calls.removeAll()
        context.fireChannelInactive()
    }

    public func errorCaught(context: ChannelHandlerContext, error: any Error) {
        close(context, reason: "\(error)")
    }

    // MARK: - Calls

    private func start(_ frame: Frame, streamID: UInt64, context: ChannelHandlerContext) {
        let call: ValidatedCall
        switch validate(frame) {
        case .success(let validated): call = validated
        case .failure(let error): return finish(streamID, .failure(error), context: context)
        }
        let payload = frame.payload
        let eventLoop = context.eventLoop
        let boundSelf = NIOLoopBound(self, eventLoop: eventLoop)
        let boundContext = NIOLoopBound(context, eventLoop: eventLoop)
        let responses = RPCMessageSink { message in
            try await eventLoop.flatSubmit {
                boundSelf.value.sendStreamed(message, streamID: streamID, context: boundContext.value)
            }.get()
        }
        let task = Task {
            let result: Result<[UInt8]?, any Error>
            do {
                result = .success(try await call.handler.invoke(payload, context: call.context, responses: responses))
            } catch {
                result = .failure(error)
            }
            eventLoop.execute {
                boundSelf.value.finish(streamID, result, context: boundContext.value)
            }
        }
        calls[streamID] = task
    }

    private struct ValidatedCall: Sendable {
        let handler: RPCHandler
        let context: RPCServerContext
    }

    private func validate(_ frame: Frame) -> Result<ValidatedCall, RPCError> {
        let metadata = RPCMetadata(frame.metadata)
        if let clusterToken, !ConstantTime.equals(metadata[RPCMetadata.clusterTokenKey] ?? "", clusterToken) {
            return .failure(RPCError(code: .unauthenticated, message: "a valid cluster token is required"))
        }
        guard let method = RPCMethod(fullName: frame.method) else {
            return .failure(RPCError(code: .invalidArgument, message: "'\(frame.method)' is not a method name"))
        }
        guard let handler = router.handler(for: method.fullName) else {
            return .failure(RPCError(code: .unimplemented, message: "no method \(method.fullName)"))
        }
        let deadline = RPCDeadline.fromWire(frame.deadlineUnixMs)
        if let deadline, deadline.hasPassed() {
            return .failure(RPCError(code: .deadlineExceeded, message: "the deadline passed before the call started"))
        }
        let context = RPCServerContext(method: method, metadata: metadata, deadline: deadline, logger: logger)
        return .success(ValidatedCall(handler: handler, context: context))
    }

    /// One message of a streaming call; fails once the caller cancelled or the connection closed,
    /// which ends the handler's `send`.
    private func sendStreamed(_ payload: [UInt8], streamID: UInt64, context: ChannelHandlerContext) -> EventLoopFuture<Void> {
        guard machine.isRunning(streamID: streamID), context.channel.isActive else {
            return context.eventLoop.makeFailedFuture(CancellationError())
        }
        return context.writeAndFlush(wrapOutboundOut(.message(streamID: streamID, payload: payload)))
    }

    private func finish(_ streamID: UInt64, _ result: Result<[UInt8]?, any Error>, context: ChannelHandlerContext) {
        calls[streamID] = nil
        let action = machine.finish(streamID: streamID)
        switch action {
        case .sendEnd, .sendEndAndClose:
            let status: RPCStatus
            switch result {
            case .success(let unaryResponse):
                if let unaryResponse {
                    context.write(wrapOutboundOut(.message(streamID: streamID, payload: unaryResponse)), promise: nil)
                }
                status = .ok
            case .failure(let error):
                status = RPCError.status(for: error)
                if !(error is RPCError) && !(error is CancellationError) {
                    // The caller sees a bare INTERNAL; the detail stays in the server's log.
                    logger.error("an RPC handler failed", metadata: ["rpc.stream_id": "\(streamID)", "rpc.error": "\(error)"])
                }
            }
            context.writeAndFlush(wrapOutboundOut(.end(streamID: streamID, status: status)), promise: nil)
            if case .sendEndAndClose = action { context.close(promise: nil) }
        case .close:
            context.close(promise: nil)
        case .dropSilently:
            break
        }
    }

    private func close(_ context: ChannelHandlerContext, reason: String) {
        logger.warning("closing an RPC connection", metadata: ["rpc.reason": "\(reason)"])
        context.close(promise: nil)
    }
}

@available(*, unavailable)
extension RPCServerConnectionHandler: Sendable {}

/// The inbound event that makes a connection take no new calls and close after its last one.
public struct RPCServerDrain: Sendable {
    public init() {}
}
