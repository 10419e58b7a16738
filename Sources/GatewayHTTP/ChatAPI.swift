public import CoachGraph
public import ContextEngine
import Foundation
public import Logging
public import Hummingbird
public import PlutusData
import PlutusWire
import StateGraph

/// The chat endpoints: start a conversation, send it a message (answered as JSON, or streamed as
/// server-sent events), read its history, end it. Every route is the authenticated user's: a
/// conversation of anyone else's is not found.
public struct ChatAPI: Sendable {
    let runner: CoachTurnRunner
    let conversations: ConversationStore
    let audit: AuditLog
    let lanes: ConversationLanes
    let idempotency: IdempotencyStore
    let memories: any MemorySource

    /// - Parameters:
    ///   - lanes: how a message waits for (or is refused by) its conversation's turn in flight.
    ///   - idempotency: the answers of messages sent with an `idempotency_key`.
    ///   - memories: where an ended conversation's summary is remembered (the vector store).
    public init(
        runner: CoachTurnRunner, conversations: ConversationStore, audit: AuditLog, lanes: ConversationLanes,
        idempotency: IdempotencyStore, memories: any MemorySource = NoMemories()
    ) {
        self.runner = runner
        self.conversations = conversations
        self.audit = audit
        self.lanes = lanes
        self.idempotency = idempotency
        self.memories = memories
    }

    /// Adds the routes under `group` (`/api/v1/plutus`, behind the bearer check).
    public func register(on group: RouterGroup<GatewayRequestContext>) {
        group.post("chat/start") { request, context in try await start(request, context) }
        group.post("chat/message") { request, context in try await message(request, context) }
        group.get("chat/history") { request, context in try await history(request, context) }
        group.delete("chat/end") { request, context in try await end(request, context) }
    }

    func start(_ request: Request, _ context: GatewayRequestContext) async throws -> Response {
        let userID = try context.requireUser()
        let body = try await JSONBody.decode(StartChatBody.self, from: request, context: context, emptyAs: StartChatBody(title: nil))
        let conversation = try await answering { try await conversations.start(userID: userID, title: try body.validated()) }
        return try JSONResponse.make(.created, ChatStartedJSON(conversation))
    }

    func message(_ request: Request, _ context: GatewayRequestContext) async throws -> Response {
        let userID = try context.requireUser()
        let body = try await JSONBody.decode(SendMessageBody.self, from: request, context: context)
        let (conversationID, content) = try body.validated()
        let streamed = ChatStreamEvent.isAccepted(by: request)
        var key: String?
        if let idempotencyKey = body.idempotencyKey {
            let claim = try await answering {
                try await idempotency.claim(
                    userID: userID, key: idempotencyKey, conversationID: conversationID,
                    request: Array("\(conversationID)\n\(content)".utf8))
            }
            switch claim {
            case .claimed: key = idempotencyKey
            case .answered(let answer): return streamed ? Self.replay(answer) : JSONResponse.make(.ok, bytes: answer)
            case .inFlight:
                throw Problem(
                    .conflict, "request-in-flight", "the message with this idempotency_key is being answered; try again shortly",
                    headers: [.retryAfter: "1"])
            case .mismatch: throw Problem.invalidField("`idempotency_key` was already used for a different message")
            }
        }
        let turn = Turn(
            runner: runner, audit: audit, lanes: lanes, idempotency: idempotency, idempotencyKey: key, userID: userID,
            conversationID: conversationID, content: content, requestID: context.id)
        do {
            try await requireOpen(conversationID, userID: userID)
            if lanes.policy == .reject, await lanes.isBusy(conversationID) {
                throw Problem(.conflict, "turn-in-progress", "the conversation's previous message is still being answered")
            }
        } catch {
            await turn.release()
            throw error
        }
        guard streamed else {
            return JSONResponse.make(.ok, bytes: try await answering { try await turn.answer() })
        }
        return Response(
            status: .ok,
            headers: [.contentType: ChatStreamEvent.mediaType, .cacheControl: "no-cache"],
            body: ResponseBody { writer in
                try await turn.stream(to: &writer)
                try await writer.finish(nil)
            })
    }

    func history(_ request: Request, _ context: GatewayRequestContext) async throws -> Response {
        let userID = try context.requireUser()
        let query = request.uri.queryParameters
        let conversationID = try Query.uuid(query.get("conversation_id"), "conversation_id")
        let limit = try Query.limit(request, default: 50, maximum: 200)
        let before = try query.get("before").map { text in
            guard let date = Timestamp.parse(text) else {
                throw Problem.invalidField("`before` must be an ISO 8601 instant, such as 2026-12-02T10:00:00.000Z")
            }
            return date
        }
        let messages = try await answering { () async throws -> [ConversationStore.Message] in
            guard try await conversations.conversation(conversationID, userID: userID) != nil else {
                throw Problem.notFound("no such conversation for this user")
            }
            return try await conversations.messages(conversationID: conversationID, userID: userID, limit: limit, before: before)
        }
        return try JSONResponse.make(.ok, ChatHistoryJSON(conversationID: conversationID, messages: messages))
    }

    /// Ends the conversation with a summary of it; ending it again answers the same way.
    func end(_ request: Request, _ context: GatewayRequestContext) async throws -> Response {
        let userID = try context.requireUser()
        let conversationID = try Query.uuid(request.uri.queryParameters.get("conversation_id"), "conversation_id")
        let ended = try await answering { () async throws -> ConversationStore.Conversation in
            guard let conversation = try await conversations.conversation(conversationID, userID: userID) else {
                throw Problem.notFound("no such conversation for this user")
            }
            if conversation.endedAt != nil, let summary = conversation.summary, !summary.isEmpty {
                return conversation
            }
            let messages = try await conversations.messages(conversationID: conversationID, userID: userID, limit: 500)
            return try await conversations.end(
                conversationID: conversationID, userID: userID, summary: ConversationDigest.summary(of: messages))
        }
        await remember(ended, userID: userID, logger: context.logger)
        return try JSONResponse.make(
            .ok,
            ChatEndedJSON(
                conversationID: conversationID, endedAt: Timestamp.iso(ended.endedAt ?? Date()), summary: ended.summary ?? ""))
    }

    /// Remembers the ended conversation's summary (again, when it is ended again: the memory is replaced).
    /// The conversation is ended either way; a vector store that does not take it is logged.
    func remember(_ ended: ConversationStore.Conversation, userID: String, logger: Logger) async {
        guard let summary = ended.summary, !summary.isEmpty else { return }
        let memory = NewMemory(id: "conversation:\(ended.id)", text: summary, kind: "conversation", on: ended.endedAt ?? Date())
        do {
            try await memories.remember([memory], of: userID, metadata: [:])
        } catch {
            logger.warning(
                "the ended conversation was not remembered: the vector store did not take it",
                metadata: ["conversation_id": "\(ended.id)", "error": "\(error)"])
        }
    }

    /// A stored answer, as the stream of a turn that already happened: its `done` event.
    static func replay(_ answer: [UInt8]) -> Response {
        Response(
            status: .ok, headers: [.contentType: ChatStreamEvent.mediaType, .cacheControl: "no-cache"],
            body: ResponseBody(byteBuffer: ChatStreamEvent.done(answer).bytes))
    }

    private func requireOpen(_ conversationID: String, userID: String) async throws {
        let conversation = try await answering { try await conversations.conversation(conversationID, userID: userID) }
        guard let conversation else { throw Problem.notFound("no such conversation for this user") }
        guard conversation.endedAt == nil else {
            throw Problem(.conflict, "conversation-ended", "the conversation has ended; start a new one")
        }
    }
}

/// One message's turn, answered whole or streamed, and audited either way.
struct Turn: Sendable {
    let runner: CoachTurnRunner
    let audit: AuditLog
    let lanes: ConversationLanes
    let idempotency: IdempotencyStore
    /// The key this turn claimed: its answer is stored under it, or the claim released if it fails.
    let idempotencyKey: String?
    let userID: String
    let conversationID: String
    let content: String
    let requestID: String

    /// The turn's answer, encoded; stored under the idempotency key when there is one.
    func answer(
        events: @escaping CompiledGraph<CoachTurnState>.EventSink = { _ in },
        onToken: (@Sendable (String, String) async -> Void)? = nil
    ) async throws -> [UInt8] {
        let answer: [UInt8]
        do {
            answer = try JSONResponse.encode(try await run(events: events, onToken: onToken))
        } catch {
            await release()
            throw error
        }
        if let idempotencyKey {
            try await idempotency.answer(userID: userID, key: idempotencyKey, with: answer)
        }
        return answer
    }

    /// Gives up the idempotency key this turn claimed (it failed, or never ran).
    func release() async {
        guard let idempotencyKey else { return }
        try? await idempotency.release(userID: userID, key: idempotencyKey)
    }

    private func run(
        events: @escaping CompiledGraph<CoachTurnState>.EventSink,
        onToken: (@Sendable (String, String) async -> Void)?
    ) async throws -> ChatReplyJSON {
        let started = ContinuousClock.now
        let measured: CompiledGraph<CoachTurnState>.EventSink = { event in
            GatewayMetrics.record(event)
            await events(event)
        }
        let turn = try await lanes.run(conversationID) {
            try await runner.reply(to: content, conversationID: conversationID, userID: userID, events: measured, onToken: onToken)
        }
        let result = turn.state.result ?? AgentResult()
        let calls = turn.state.modelCalls
        GatewayMetrics.record(calls)
        try await audit.record(
            userID: userID, actor: "gateway", action: "chat_message",
            details: [
                ChatAudit(
                    conversationID: conversationID, messageID: turn.reply.id, runID: turn.state.runID,
                    route: turn.state.route.name, model: result.model, degraded: result.degraded,
                    inputTokens: calls.reduce(0) { $0 + $1.inputTokens }, outputTokens: calls.reduce(0) { $0 + $1.outputTokens },
                    latencyMs: Int64((ContinuousClock.now - started) / .milliseconds(1)), requestID: requestID)
            ])
        return ChatReplyJSON(messageID: turn.reply.id, conversationID: conversationID, route: turn.state.route, result: result)
    }

    /// Streams the turn as server-sent events. A client that goes away fails the next write,
    /// which cancels the turn: the person's message stays saved, the run is finished before the
    /// conversation's next message.
    func stream(to writer: inout any ResponseBodyWriter) async throws {
        let (events, continuation) = AsyncStream<ChatStreamEvent>.makeStream()
        let turn = Task {
            defer { continuation.finish() }
            do {
                let reply = try await answer(
                    events: { event in
                        if case .nodeStarted(let node, _, _) = event { continuation.yield(.node(node)) }
                    },
                    onToken: { node, text in continuation.yield(.token(node: node, text: text)) })
                continuation.yield(.done(reply))
            } catch {
                continuation.yield(.error(Problem(failure: error)))
            }
        }
        do {
            for await event in events { try await writer.write(event.bytes) }
        } catch {
            turn.cancel()
            throw error
        }
    }
}

/// What the audit log keeps of a chat message: never its text.
struct ChatAudit: Codable, Sendable {
    let conversationID: String
    let messageID: String
    let runID: String
    let route: String
    let model: String
    let degraded: Bool
    let inputTokens: Int64
    let outputTokens: Int64
    let latencyMs: Int64
    let requestID: String

    enum CodingKeys: String, CodingKey {
        case route, model, degraded
        case conversationID = "conversation_id"
        case messageID = "message_id"
        case runID = "run_id"
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
        case latencyMs = "latency_ms"
        case requestID = "request_id"
    }
}

