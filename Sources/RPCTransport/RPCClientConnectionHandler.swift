public import Logging
public import NIOCore
public import PlutusWire
public import RPCCore
import Synchronization

/// One call handed to a client connection: what to send, and where its answer goes.
public struct RPCClientCall: Sendable {
    /// Where the response messages and the final status of a call go.
    public enum Responder: Sendable {
        /// A unary call: given the one response, or the ``RPCError`` it ended with. Called once.
        case unary(@Sendable (Result<[UInt8], RPCError>) -> Void)
        /// A server-streaming call: each response yielded, finished (throwing an ``RPCError``
        /// unless the status is OK) at the end.
        case stream(AsyncThrowingStream<[UInt8], any Error>.Continuation)
    }

    public let request: RPCRequest
    let responder: Responder
    /// Lets the caller cancel the call once it is under way.
    public let handle: RPCCallHandle

    public init(request: RPCRequest, responder: Responder, handle: RPCCallHandle = RPCCallHandle()) {
        self.request = request
        self.handle = handle
        switch responder {
        case .unary(let complete):
            // The connection and a failed write may both report the same call; the first wins.
            let answered = Atomic<Bool>(false)
            self.responder = .unary { result in
                guard answered.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged else { return }
                complete(result)
            }
        case .stream:
            self.responder = responder
        }
    }

    /// Fails the call before it reached the wire.
    func fail(_ error: RPCError) {
        switch responder {
        case .unary(let complete): complete(.failure(error))
        case .stream(let continuation): continuation.finish(throwing: error)
        }
    }
}

/// Names a call from outside the event loop, so the caller can cancel it with
/// `channel.triggerUserOutboundEvent(RPCCancelCall(handle))`.
public final class RPCCallHandle: Sendable {
    let streamID = Mutex<UInt64?>(nil)
    public init() {}
}

/// The outbound event that cancels a call: a CANCEL frame goes out, the promise fails with `CANCELLED`.
public struct RPCCancelCall: Sendable {
    public let handle: RPCCallHandle
    public init(_ handle: RPCCallHandle) { self.handle = handle }
}

/// The client side of a connection: calls out as REQUEST frames, MESSAGE/END frames back into
/// their promises. The rules are ``ClientConnectionStateMachine``'s.
public final class RPCClientConnectionHandler: ChannelDuplexHandler {
    public typealias InboundIn = Frame
    public typealias OutboundIn = RPCClientCall
    public typealias OutboundOut = Frame

    private struct Pending {
        let responder: RPCClientCall.Responder
        var unaryResponse: [UInt8] = []
        var deadlineTimer: Scheduled<Void>?

        mutating func deliver(_ payload: [UInt8]) {
            switch responder {
            case .unary: unaryResponse = payload
            case .stream(let continuation): continuation.yield(payload)
            }
        }

        func complete(_ outcome: Result<Void, RPCError>) {
            deadlineTimer?.cancel()
            switch (responder, outcome) {
            case (.unary(let complete), .success): complete(.success(unaryResponse))
            case (.unary(let complete), .failure(let error)): complete(.failure(error))
            case (.stream(let continuation), .success): continuation.finish()
            case (.stream(let continuation), .failure(let error)): continuation.finish(throwing: error)
            }
        }
    }

    private let logger: Logger
    private var machine = ClientConnectionStateMachine()
    private var pending: [UInt64: Pending] = [:]

    public init(logger: Logger) {
        self.logger = logger
    }

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let call = unwrapOutboundIn(data)
        guard let streamID = machine.openStream() else {
            call.fail(RPCError(code: .unavailable, message: "the connection is closed"))
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        call.handle.streamID.withLock { $0 = streamID }
        var entry = Pending(responder: call.responder)
        if let deadline = call.request.deadline {
            let boundSelf = NIOLoopBound(self, eventLoop: context.eventLoop)
            let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
            entry.deadlineTimer = context.eventLoop.scheduleTask(in: .milliseconds(deadline.remainingMilliseconds())) {
                boundSelf.value.abandon(
                    streamID, RPCError(code: .deadlineExceeded, message: "the call's deadline passed"),
                    context: boundContext.value)
            }
        }
        pending[streamID] = entry
        context.write(wrapOutboundOut(.request(streamID: streamID, call: call)), promise: promise)
    }

    public func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard let cancel = event as? RPCCancelCall else {
            return context.triggerUserOutboundEvent(event, promise: promise)
        }
        if let streamID = cancel.handle.streamID.withLock({ $0 }) {
            abandon(streamID, RPCError(code: .cancelled, message: "the call was cancelled"), context: context)
        }
        promise?.succeed()
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        guard let kind = RPCFrameKind(frame.kind) else {
            return close(context, reason: "a frame of unknown kind \(frame.kind.rawValue)")
        }
        switch machine.receive(kind, streamID: frame.streamID) {
        case .deliverMessage(let streamID):
            pending[streamID]?.deliver(frame.payload)
        case .finishCall(let streamID):
            // A unary response may ride in the END frame itself.
            if !frame.payload.isEmpty { pending[streamID]?.deliver(frame.payload) }
            complete(streamID, status: RPCStatus(wireCode: frame.status?.code ?? 0, message: frame.status?.message ?? ""))
        case .ignore:
            break
        case .closeConnection(let reason):
            close(context, reason: reason)
        }
    }

    public func channelInactive(context: ChannelHandlerContext) {
        for streamID in machine.connectionClosed() {
            fail(streamID, RPCError(code: .unavailable, message: "the connection closed before the call ended"))
        }
        context.fireChannelInactive()
    }

    public func errorCaught(context: ChannelHandlerContext, error: any Error) {
        close(context, reason: "\(error)")
    }

    // MARK: - Completing calls

    private func complete(_ streamID: UInt64, status: RPCStatus) {
        pending.removeValue(forKey: streamID)?.complete(status.code == .ok ? .success(()) : .failure(RPCError(status: status)))
    }

    /// Gives up on a call this side: tells the server (CANCEL) and fails the caller.
    private func abandon(_ streamID: UInt64, _ error: RPCError, context: ChannelHandlerContext) {
        guard machine.cancel(streamID: streamID) else { return }
        context.writeAndFlush(wrapOutboundOut(.cancel(streamID: streamID)), promise: nil)
        fail(streamID, error)
    }

    private func fail(_ streamID: UInt64, _ error: RPCError) {
        pending.removeValue(forKey: streamID)?.complete(.failure(error))
    }

    private func close(_ context: ChannelHandlerContext, reason: String) {
        logger.warning("closing an RPC connection", metadata: ["rpc.reason": "\(reason)"])
        context.close(promise: nil)
    }
}

@available(*, unavailable)
extension RPCClientConnectionHandler: Sendable {}
