import CoachGraph
import Foundation
import PlutusCluster
import PlutusWire
import RPCCore
import RPCTransport
import Testing

/// `plutus.v1.Gateway/Converse` on a real gateway process: a conversation started and
/// continued, and bad requests refused with a status that says why.
@Suite struct GatewayConverseTests {
    @Test(.timeLimit(.minutes(3))) func theGatewayConversesAndRefusesBadRequests() async throws {
        try await CoachCluster.with { cluster in
            let gateway = try await cluster.start(.gateway)
            func converse(_ request: ConverseRequest) async throws -> ConverseReply {
                try await gateway.client.unary(ServiceKind.converseMethod, request, as: ConverseReply.self)
            }
            let first = try await converse(ConverseRequest(userID: cluster.userID, message: "hi", today: "2026-11-25"))
            #expect(UUID(uuidString: first.conversationID) != nil)
            #expect(first.route == .end)
            #expect(first.result?.reply.isEmpty == false)
            let second = try await converse(
                ConverseRequest(
                    userID: cluster.userID, conversationID: first.conversationID,
                    message: "I want to save $20,000 for a wedding by June 2028", today: "2026-11-25"))
            #expect(second.route == .discussGoals)
            #expect(second.paused)
            #expect(second.result?.goals.first?.status == "proposed")

            let bad: [(ConverseRequest, RPCStatus.Code)] = [
                (ConverseRequest(userID: "not-a-uuid", message: "hi"), .invalidArgument),
                (ConverseRequest(userID: cluster.userID, message: "   "), .invalidArgument),
                (ConverseRequest(userID: cluster.userID, message: "hi", today: "tomorrow"), .invalidArgument),
                (ConverseRequest(userID: cluster.userID, conversationID: "42", message: "hi"), .invalidArgument),
                (ConverseRequest(userID: cluster.userID, conversationID: UUID().uuidString, message: "hi"), .notFound),
                (ConverseRequest(userID: UUID().uuidString, message: "hi"), .notFound),
                (
                    ConverseRequest(userID: UUID().uuidString, conversationID: first.conversationID, message: "hi"),
                    .notFound
                ),
            ]
            for (request, code) in bad {
                let error = await #expect(throws: RPCError.self) { try await converse(request) }
                #expect(error?.code == code, "\(request): \(String(describing: error))")
            }
            await gateway.client.close()
            _ = await gateway.process.stop(grace: .seconds(10))
        }
    }

    /// `ConverseStream`: the nodes as they start, the reply's tokens (offline, the reply whole),
    /// and last the same reply `Converse` gives; a bad request fails the stream with its status.
    @Test(.timeLimit(.minutes(3))) func theGatewayStreamsATurn() async throws {
        try await CoachCluster.with { cluster in
            let gateway = try await cluster.start(.gateway)
            var events: [ConverseEvent] = []
            for try await event in try gateway.client.serverStreaming(
                ServiceKind.converseStreamMethod,
                ConverseRequest(userID: cluster.userID, message: "what's my net worth", today: "2026-11-25"),
                as: ConverseEvent.self)
            {
                events.append(event)
            }
            let reply = try #require(events.last?.reply)
            #expect(reply.route == .analyzeFinances)
            #expect(events.dropLast().allSatisfy { $0.reply == nil })
            let started = events.filter { $0.token.isEmpty && $0.reply == nil }.map(\.node)
            #expect(started == reply.visited)
            let tokens = events.filter { !$0.token.isEmpty }
            #expect(tokens.map(\.token).joined() == reply.result?.reply)
            #expect(tokens.allSatisfy { $0.node == CoachGraph.financialAnalysis })

            let error = await #expect(throws: RPCError.self) {
                for try await _ in try gateway.client.serverStreaming(
                    ServiceKind.converseStreamMethod, ConverseRequest(userID: cluster.userID, message: " "),
                    as: ConverseEvent.self) {}
            }
            #expect(error?.code == .invalidArgument)
            await gateway.client.close()
            _ = await gateway.process.stop(grace: .seconds(10))
        }
    }
}
