public import Logging
public import NIOCore
public import PlutusWire
import RPCCore

/// Serves the calls of one connection: frames in, handler tasks, frames out.
///
/// The protocol's rules are ``ServerConnectionStateMachine``'s; this handler only translates
/// frames into its events and carries out its actions on the event loop.
///
/// Each call runs in its own task, started *immediately*: a handler runs on the event loop until
/// its first real suspension, so one that answers without waiting (a lookup, a computation on
/// what it was sent) costs no thread hand-off at all, and its END goes out with the next flush of
/// the read burst. A handler that does long CPU work before its first `await` holds the event
/// loop meanwhile; such work belongs behind an `await` (a bridge call, a detached task).
/// A deadline is an event-loop timer that cancels the task and answers `DEADLINE_EXCEEDED`; a
/// CANCEL frame or the connection closing cancels the task too.
public final class RPCServerConnectionHandler: ChannelInboundHandler {
    public typealias InboundIn = Frame
    public typealias OutboundOut = Frame

    private struct RunningCall {
        var task: Task<Void, Never>?
        var deadlineTimer: Scheduled<Void>?
    }

    private let router: RPCRouter
    private let clusterToken: String?
    private let logger: Logger
    private var machine: ServerConnectionStateMachine
    private var calls: [UInt64: RunningCall] = [:]
    /// Inside a read burst: frames written now are flushed once, at `channelReadComplete`.
    private var isReading = false
    private var needsFlush = false

    /// - Parameter clusterToken: when set, every call must carry it as `cluster-token` metadata
    ///   (compared in constant time) or is refused with `UNAUTHENTICATED`.
    public init(router: RPCRouter, maximumConcurrentCalls: Int = 128, clusterToken: String? = nil, logger: Logger) {
        self.router = router
        self.clusterToken = clusterToken
        self.logger = logger
        self.machine = ServerConnectionStateMachine(maximumConcurrentCalls: maximumConcurrentCalls)
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        isReading = true
        let frame = unwrapInboundIn(data)
        guard let kind = RPCFrameKind(frame.kind) else {
            return close(context, reason: "a frame of unknown kind \(frame.kind.rawValue) on stream \(frame.streamID)")
        }
        switch machine.receive(kind, streamID: frame.streamID) {
        case .startCall(let streamID):
            start(frame, streamID: streamID, context: context)
        case .reject(let streamID, let status):
            send(.end(streamID: streamID, status: status), context: context)
        case .cancelCall(let streamID):
            calls[streamID]?.task?.cancel()
        case .ignore:
            break
        case .closeConnection(let reason):
            close(context, reason: reason)
        }
    }

    public func channelReadComplete(context: ChannelHandlerContext) {
        isReading = false
        if needsFlush {
            needsFlush = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    public func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is RPCServerDrain else { return context.fireUserInboundEventTriggered(event) }
        if machine.beginDraining() { context.close(promise: nil) }
    }

    public func channelInactive(context: ChannelHandlerContext) {
        for call in calls.values {
            call.task?.cancel()
            call.deadlineTimer?.cancel()
        }
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
        var running = RunningCall()
        if let deadline = call.context.deadline {
            running.deadlineTimer = eventLoop.scheduleTask(in: .milliseconds(deadline.remainingMilliseconds())) {
                boundSelf.value.deadlinePassed(streamID, context: boundContext.value)
            }
        }
        // Registered before the task starts: an immediate task may finish before `Task.immediate` returns.
        calls[streamID] = running
        let responses: RPCMessageSink
        if case .serverStreaming = call.handler {
            responses = RPCMessageSink { message in
                try await eventLoop.flatSubmit {
                    boundSelf.value.sendStreamed(message, streamID: streamID, context: boundContext.value)
                }.get()
            }
        } else {
            responses = .unused
        }
        let task = Task.immediate {
            let result: Result<[UInt8]?, any Error>
            do {
                result = .success(try await call.handler.invoke(payload, context: call.context, responses: responses))
            } catch {
                result = .failure(RPCHandler.callerError(for: error, context: call.context))
            }
            if eventLoop.inEventLoop {
                boundSelf.value.finish(streamID, result, context: boundContext.value)
            } else {
                eventLoop.execute { boundSelf.value.finish(streamID, result, context: boundContext.value) }
            }
        }
        if calls[streamID] != nil { calls[streamID]?.task = task }
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
        guard let (method, handler) = router.route(frame.method) else {
            guard RPCMethod(fullName: frame.method) != nil else {
                return .failure(RPCError(code: .invalidArgument, message: "'\(frame.method)' is not a method name"))
            }
            return .failure(RPCError(code: .unimplemented, message: "no method \(frame.method)"))
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

    private func deadlinePassed(_ streamID: UInt64, context: ChannelHandlerContext) {
        guard let running = calls[streamID] else { return }
        running.task?.cancel()
        finish(streamID, .failure(RPCError(code: .deadlineExceeded, message: "the call's deadline passed")), context: context)
    }

    /// The call is over: END with its status (and a unary call's response) unless the caller
    /// cancelled; a second finish for the same stream (the task ending after its deadline) sends nothing.
    private func finish(_ streamID: UInt64, _ result: Result<[UInt8]?, any Error>, context: ChannelHandlerContext) {
        calls.removeValue(forKey: streamID)?.deadlineTimer?.cancel()
        let action = machine.finish(streamID: streamID)
        switch action {
        case .sendEnd, .sendEndAndClose:
            let end: Frame
            switch result {
            case .success(let unaryResponse):
                end = .end(streamID: streamID, status: .ok, payload: unaryResponse ?? [])
            case .failure(let error):
                end = .end(streamID: streamID, status: RPCError.status(for: error))
            }
            if case .sendEndAndClose = action {
                context.writeAndFlush(wrapOutboundOut(end), promise: nil)
                context.close(promise: nil)
            } else {
                send(end, context: context)
            }
        case .close:
            context.close(promise: nil)
        case .dropSilently:
            break
        }
    }

    /// Writes a frame, flushing now or, inside a read burst, once at its end.
    private func send(_ frame: Frame, context: ChannelHandlerContext) {
        if isReading {
            context.write(wrapOutboundOut(frame), promise: nil)
            needsFlush = true
        } else {
            context.writeAndFlush(wrapOutboundOut(frame), promise: nil)
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
