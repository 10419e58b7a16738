import ArgumentParser
import CoachGraph
import Foundation
import Logging
import PlutusCluster
import PlutusData
import PlutusWire
import Postgres
import RPCTransport

/// `plutus chat`: talks to the coach from the terminal. It runs the conversation graph itself,
/// against the cluster's services (the addresses `plutus up` recorded, or `PLUTUS_*_ADDRESS`),
/// and stores the conversation like the gateway does.
struct Chat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Chat with the coach as a user: one --message, or a prompt per line from standard input.")

    @OptionGroup var data: DataOptions

    @Option(help: "The user's UUID.")
    var user: String

    @Option(help: "Continue this conversation (a UUID) instead of starting one.")
    var conversation: String?

    @Option(help: "Send this one message and exit.")
    var message: String?

    @Option(help: "The user's calendar day, YYYY-MM-DD (default: today in UTC).")
    var today: String?

    @Option(help: "The directory `plutus up` runs the cluster in (default: $PLUTUS_RUN_DIR, else .data/run).")
    var runDirectory = ProcessInfo.processInfo.environment["PLUTUS_RUN_DIR"] ?? ".data/run"

    @Flag(help: "Print each turn as JSON (reply, route, facts, goals, recommendations).")
    var json = false

    func validate() throws {
        guard UUID(uuidString: user) != nil else { throw ValidationError("--user must be a UUID, not '\(user)'") }
        if let conversation, UUID(uuidString: conversation) == nil {
            throw ValidationError("--conversation must be a UUID, not '\(conversation)'")
        }
        if let today, today.count != 10 { throw ValidationError("--today must be YYYY-MM-DD, not '\(today)'") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let (database, _) = try data.connect("plutus.chat")
        let cipher: DataCipher
        do {
            cipher = try DataCipher.fromEnvironment(environment)
        } catch {
            throw ValidationError("PLUTUS_DATA_KEY: \(error)")
        }
        let clients = try Self.clients(environment: environment, runDirectory: runDirectory)
        let graph = try CoachGraph.make(services: clients.services)
        let conversations = ConversationStore(client: database, cipher: cipher)
        let runner = CoachTurnRunner(
            graph: graph, checkpointer: PostgresCheckpointer(client: database, cipher: cipher), conversations: conversations)
        do {
            try await converse(runner, conversations)
        } catch {
            await Self.shutDown(clients, database)
            throw error
        }
        await Self.shutDown(clients, database)
    }

    private func converse(_ runner: CoachTurnRunner, _ conversations: ConversationStore) async throws {
        let userID = user.lowercased()
        let conversationID: String
        if let conversation {
            conversationID = conversation.lowercased()
        } else {
            conversationID = try await conversations.start(userID: userID, title: "plutus chat").id
        }
        if !json { print("conversation \(conversationID)") }
        if let message {
            try await say(message, runner, conversationID, userID)
            return
        }
        while let line = readLine() {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            try await say(line, runner, conversationID, userID)
        }
    }

    private static func shutDown(_ clients: Clients, _ database: PostgresClient) async {
        for client in clients.all { await client.close() }
        await database.shutdown()
    }

    private func say(_ message: String, _ runner: CoachTurnRunner, _ conversationID: String, _ userID: String) async throws {
        let turn = try await runner.reply(to: message, conversationID: conversationID, userID: userID, today: today)
        if json {
            print(TurnJSON.render(turn))
        } else {
            print("\n\(turn.state.result?.reply ?? "")\n")
        }
    }

    /// One balanced client per service the graph calls.
    struct Clients {
        let services: CoachServices
        let all: [RPCClient]
    }

    static func clients(environment: [String: String], runDirectory: String) throws -> Clients {
        let manifest = try? ClusterManifest.read(from: runDirectory)
        func client(_ kind: ServiceKind) throws -> RPCClient {
            let address = environment[kind.addressVariable] ?? manifest?.addresses(of: kind) ?? ""
            guard !address.isEmpty else {
                throw ValidationError("no address for \(kind): set \(kind.addressVariable) or run `plutus up`")
            }
            let configuration = RPCClient.Configuration(clusterToken: environment["PLUTUS_CLUSTER_TOKEN"])
            return RPCClient(
                service: kind.rawValue, target: try RPCTarget(parsing: address), configuration: configuration,
                logger: Logger(label: "plutus.chat"))
        }
        let context = try client(.context)
        let conversation = try client(.conversationAgent)
        let financial = try client(.financialAgent)
        let goals = try client(.goalAgent)
        let recommendation = try client(.recommendationAgent)
        return Clients(
            services: CoachServices(
                context: context, conversationAgent: conversation, financialAgent: financial, goalAgent: goals,
                recommendationAgent: recommendation),
            all: [context, conversation, financial, goals, recommendation])
    }
}

/// A turn as one line of JSON, in the HTTP API's shape.
enum TurnJSON {
    static func render(_ turn: CoachTurnRunner.Turn) -> String {
        let result = turn.state.result ?? AgentResult()
        let object: [String: Any] = [
            "message_id": turn.reply.id,
            "conversation_id": turn.state.conversationID,
            "run_id": turn.state.runID,
            "reply": result.reply,
            "route": CoachGraph.routeName(turn.state.route),
            "facts": result.facts.map { ["name": $0.name, "value": $0.value, "unit": $0.unit, "source": $0.source] },
            "goals": result.goals.map { goal -> [String: Any] in
                var json: [String: Any] = [
                    "id": goal.id, "type": goal.type, "title": goal.title, "target_date": goal.targetDate,
                    "priority": Int(goal.priority), "status": goal.status,
                ]
                json["target_amount"] = goal.targetAmountCents.map { Double($0) / 100 } ?? NSNull()
                return json
            },
            "recommendations": result.recommendations.map { recommendation -> [String: Any] in
                [
                    "id": recommendation.id, "title": recommendation.title, "rationale": recommendation.rationale,
                    "category": recommendation.category, "priority": Int(recommendation.priority),
                    "impact": [
                        "amount": Double(recommendation.impactAmountCents) / 100, "unit": recommendation.impactUnit,
                        "horizon_months": Int(recommendation.horizonMonths),
                    ],
                ]
            },
            "degraded": result.degraded,
            "model": result.model,
            "paused": turn.completion != .finished,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
