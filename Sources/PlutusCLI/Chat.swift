import ArgumentParser
import Foundation
import Logging
import PlutusCluster
import PlutusWire
import RPCCore
import RPCTransport

/// `plutus chat`: talks to the coach from the terminal, through the gateway's graph
/// (`plutus.v1.Gateway/Converse`), as the user given.
struct Chat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Chat with the coach as a user: one --message, or a prompt per line from standard input.")

    @Option(help: "The user's UUID.")
    var user: String

    @Option(help: "Continue this conversation (a UUID) instead of starting one.")
    var conversation: String?

    @Option(help: "Send this one message and exit.")
    var message: String?

    @Option(help: "The user's calendar day, YYYY-MM-DD (default: today in UTC).")
    var today: String?

    @Option(help: "The gateway (default: $PLUTUS_GATEWAY_ADDRESS, else the one `plutus up` runs).")
    var gateway: String?

    @Option(help: "The directory `plutus up` runs the cluster in (default: $PLUTUS_RUN_DIR, else .data/run).")
    var runDirectory = ProcessInfo.processInfo.environment["PLUTUS_RUN_DIR"] ?? ".data/run"

    @Option(help: "Seconds a turn may take.")
    var timeout = 60

    @Flag(help: "Print each turn as one line of JSON (reply, route, facts, goals, recommendations).")
    var json = false

    @Flag(help: "Print the reply as the coach writes it (`ConverseStream`).")
    var stream = false

    func validate() throws {
        guard UUID(uuidString: user) != nil else { throw ValidationError("--user must be a UUID, not '\(user)'") }
        if let conversation, UUID(uuidString: conversation) == nil {
            throw ValidationError("--conversation must be a UUID, not '\(conversation)'")
        }
        guard (1...600).contains(timeout) else { throw ValidationError("--timeout must be 1 to 600 seconds") }
        guard !(json && stream) else { throw ValidationError("--json and --stream cannot be combined") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let address = gateway ?? environment[ServiceKind.gateway.addressVariable]
            ?? (try? ClusterManifest.read(from: runDirectory))?.addresses(of: .gateway)
        guard let address, !address.isEmpty else {
            throw ValidationError("no gateway: pass --gateway, set \(ServiceKind.gateway.addressVariable), or run `plutus up`")
        }
        let client = RPCClient(
            service: ServiceKind.gateway.rawValue, target: try RPCTarget(parsing: address),
            configuration: RPCClient.Configuration(clusterToken: environment["PLUTUS_CLUSTER_TOKEN"]),
            logger: Logger(label: "plutus.chat"))
        do {
            try await converse(client)
        } catch {
            await client.close()
            throw error
        }
        await client.close()
    }

    /// One `--message`, or every line of standard input; in the second case a turn that fails
    /// is reported and the chat goes on.
    private func converse(_ client: RPCClient) async throws {
        var conversationID = conversation?.lowercased() ?? ""
        if let message {
            try await say(message, client, &conversationID)
            return
        }
        for await line in Self.standardInputLines() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                try await say(line, client, &conversationID)
            } catch let error as RPCError {
                FileHandle.standardError.write(Data("plutus chat: \(error)\n".utf8))
            }
        }
    }

    private func say(_ line: String, _ client: RPCClient, _ conversationID: inout String) async throws {
        let request = ConverseRequest(
            userID: user.lowercased(), conversationID: conversationID, message: line, today: today ?? "")
        let reply = stream
            ? try await streamed(request, client)
            : try await client.unary(
                ServiceKind.converseMethod, request, as: ConverseReply.self,
                deadline: RPCDeadline(after: .seconds(timeout)))
        if conversationID.isEmpty, !json, !stream { print("conversation \(reply.conversationID)") }
        conversationID = reply.conversationID
        if !stream { print(json ? TurnJSON.render(reply) : "\n\(reply.result?.reply ?? "")\n") }
    }

    /// Prints the reply's tokens as they come, and the final reply when it differs from them (the
    /// compliance review revised it).
    private func streamed(_ request: ConverseRequest, _ client: RPCClient) async throws -> ConverseReply {
        var written = ""
        for try await event in try client.serverStreaming(
            ServiceKind.converseStreamMethod, request, as: ConverseEvent.self,
            deadline: RPCDeadline(after: .seconds(timeout)))
        {
            if let reply = event.reply {
                let final = reply.result?.reply ?? ""
                if written.isEmpty { print("\n\(final)") } else if final != written { print("\n(revised)\n\(final)") }
                print("")
                return reply
            }
            if written.isEmpty, !event.token.isEmpty { print("") }
            written += event.token
            print(event.token, terminator: "")
            fflush(nil)  // every stream: naming stdout is not concurrency-safe
        }
        throw RPCError(code: .internal, message: "the gateway ended the stream without a reply")
    }

    /// Standard input, a line at a time, read on a thread of its own (reading blocks).
    private static func standardInputLines() -> AsyncStream<String> {
        AsyncStream { continuation in
            Thread.detachNewThread {
                while let line = readLine() { continuation.yield(line) }
                continuation.finish()
            }
        }
    }
}

/// A turn as one line of JSON, in the HTTP API's shape.
enum TurnJSON {
    static func render(_ reply: ConverseReply) -> String {
        let result = reply.result ?? AgentResult()
        let object: [String: Any] = [
            "message_id": reply.messageID,
            "conversation_id": reply.conversationID,
            "run_id": reply.runID,
            "reply": result.reply,
            "route": reply.route.name,
            "facts": result.facts.map { ["name": $0.name, "value": $0.value, "unit": $0.unit, "source": $0.source] },
            "goals": result.goals.map(goal),
            "recommendations": result.recommendations.map(recommendation),
            "degraded": result.degraded,
            "model": result.model,
            "paused": reply.paused,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private static func goal(_ goal: Goal) -> [String: Any] {
        [
            "id": goal.id, "type": goal.type, "title": goal.title, "target_date": goal.targetDate,
            "priority": Int(goal.priority), "status": goal.status,
            "target_amount": goal.targetAmountCents.map { Double($0) / 100 } ?? NSNull(),
        ]
    }

    private static func recommendation(_ recommendation: Recommendation) -> [String: Any] {
        [
            "id": recommendation.id, "title": recommendation.title, "rationale": recommendation.rationale,
            "category": recommendation.category, "priority": Int(recommendation.priority),
            "impact": [
                "amount": Double(recommendation.impactAmountCents) / 100, "unit": recommendation.impactUnit,
                "horizon_months": Int(recommendation.horizonMonths),
            ],
        ]
    }
}
