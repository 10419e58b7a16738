import FinanceEngine
import PlutusCluster
import Foundation
public import PlutusData
import PlutusWire
import Postgres
public import RPCCore
public import RPCTransport
import StateGraph

/// `plutus.v1.Gateway/Converse` and `ConverseStream`: a message through the gateway's graph, over
/// RPC (what `plutus chat` and the load generator speak; the HTTP API shares the turn).
public enum CoachGatewayRPC {
    public static let converse = ServiceKind.converseMethod
    public static let converseStream = ServiceKind.converseStreamMethod

    /// Serves `Converse` and `ConverseStream` with `runner`; a request without a conversation
    /// starts one.
    public static func register(_ runner: CoachTurnRunner, conversations: ConversationStore, on router: inout RPCRouter) {
        router.register(converse) { (request: ConverseRequest, _) -> ConverseReply in
            try await turn(request, runner: runner, conversations: conversations)
        }
        router.registerServerStreaming(converseStream) {
            (request: ConverseRequest, events: RPCResponseWriter<ConverseEvent>, _) in
            // Progress is best effort: a caller that left is noticed at the last send, which throws.
            let reply = try await turn(
                request, runner: runner, conversations: conversations,
                events: { event in
                    guard case .nodeStarted(let node, _, _) = event else { return }
                    try? await events.send(ConverseEvent(node: node))
                },
                onToken: { node, token in try? await events.send(ConverseEvent(node: node, token: token)) })
            try await events.send(ConverseEvent(reply: reply))
        }
    }

    /// One validated turn through the graph, its errors as statuses.
    private static func turn(
        _ request: ConverseRequest, runner: CoachTurnRunner, conversations: ConversationStore,
        events: @escaping CompiledGraph<CoachTurnState>.EventSink = { _ in },
        onToken: (@Sendable (String, String) async -> Void)? = nil
    ) async throws -> ConverseReply {
        try validate(request)
        return try await answering {
            let userID = request.userID.lowercased()
            let conversationID =
                request.conversationID.isEmpty
                ? try await conversations.start(userID: userID).id
                : request.conversationID.lowercased()
            let turn = try await runner.reply(
                to: request.message, conversationID: conversationID, userID: userID,
                today: request.today.isEmpty ? nil : request.today, events: events, onToken: onToken)
            return ConverseReply(
                conversationID: conversationID, messageID: turn.reply.id, runID: turn.state.runID,
                route: turn.state.route, result: turn.state.result, paused: turn.completion != .finished,
                visited: turn.state.visited)
        }
    }

    static func validate(_ request: ConverseRequest) throws {
        guard request.userID.isUUID else {
            throw RPCError(code: .invalidArgument, message: "user_id must be a UUID")
        }
        guard request.conversationID.isEmpty || request.conversationID.isUUID else {
            throw RPCError(code: .invalidArgument, message: "conversation_id must be a UUID")
        }
        guard !request.message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw RPCError(code: .invalidArgument, message: "message is empty")
        }
        guard request.message.utf8.count <= 8_000 else {
            throw RPCError(code: .invalidArgument, message: "message is longer than 8000 bytes")
        }
        guard request.today.isEmpty || CivilDate(iso: request.today) != nil else {
            throw RPCError(code: .invalidArgument, message: "today must be YYYY-MM-DD")
        }
    }

    /// Runs the turn, turning the store's and the graph's errors into statuses a caller can act on.
    private static func answering(_ body: () async throws -> ConverseReply) async throws -> ConverseReply {
        do {
            return try await body()
        } catch {
            switch TurnFailure(error) {
            case .notFound(let message): throw RPCError(code: .notFound, message: message)
            case .conflict(let message): throw RPCError(code: .aborted, message: message)
            case .unavailable(let message): throw RPCError(code: .unavailable, message: message)
            case .failed(let message): throw RPCError(code: .internal, message: message)
            case nil: throw error
            }
        }
    }
}
