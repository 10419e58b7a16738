import CoachGraph
import Foundation
import Logging
import PlutusData
import PlutusTestSupport
import PlutusWire
import Postgres
import StateGraph
import Testing

/// The graph's checkpoints in PostgreSQL: sealed, found again, pruned.
@Suite struct PostgresCheckpointerTests {
    static let logger = Logger(label: "plutus.tests.checkpoints")
    static let user = "6a1f0d4e-2b3c-4d5e-8f9a-0b1c2d3e4f50"

    private func withCheckpointer(_ body: (PostgresCheckpointer, PostgresClient, String) async throws -> Void) async throws {
        try await ScratchSchema.with { scratch in
            let client = PostgresClient(configuration: try .init(url: scratch.url, maximumConnections: 2), logger: Self.logger)
            try await withCleanUp {
                try await Migrator(client: client, logger: Self.logger).migrate(standalone: true)
                try await client.query("INSERT INTO users (id, name) VALUES (\(Self.user)::uuid, 'Avery')")
                let cipher = try DataCipher(keyList: DataCipher.generateKeyEntry(id: "k1"))
                let conversation = try await ConversationStore(client: client, cipher: cipher).start(userID: Self.user)
                try await body(PostgresCheckpointer(client: client, cipher: cipher), client, conversation.id)
            } cleanUp: {
                await client.shutdown()
            }
        }
    }

    private func checkpoint(
        _ runID: String, _ step: Int, _ status: GraphCheckpoint<CoachTurnState>.Status, conversation: String,
        message: String = "I owe $12,400 on my Visa"
    ) -> GraphCheckpoint<CoachTurnState> {
        let state = CoachTurnState(
            runID: runID, userID: Self.user, conversationID: conversation, message: message,
            context: UserContext(userID: Self.user, version: 4))
        return GraphCheckpoint(
            runID: runID, step: step, node: "n\(step)", next: status == .finished ? nil : "n\(step + 1)", status: status,
            interruptReason: status == .interrupted ? "confirm_goals" : nil, state: state)
    }

    @Test func checkpointsAreSealedAndReadBackWithoutTheContext() async throws {
        try await withCheckpointer { checkpointer, client, conversation in
            let run = UUID().uuidString.lowercased()
            try await checkpointer.save(checkpoint(run, 1, .running, conversation: conversation))
            try await checkpointer.save(checkpoint(run, 2, .interrupted, conversation: conversation))
            let latest = try #require(try await checkpointer.latest(runID: run))
            #expect(latest.step == 2 && latest.status == .interrupted && latest.interruptReason == "confirm_goals")
            #expect(latest.state.message == "I owe $12,400 on my Visa")
            #expect(latest.state.context == nil, "the context is the context engine's to keep")
            let standing = try await checkpointer.latestRun(conversationID: conversation, userID: Self.user)
            #expect(standing == .init(runID: run, status: .interrupted))
            #expect(try await checkpointer.latestRun(conversationID: conversation, userID: UUID().uuidString) == nil)
            let rows = try await client.query("SELECT state_sealed FROM plutus_graph_checkpoints")
            for row in rows {
                let bytes = try row.decode("state_sealed", as: [UInt8].self)
                #expect(String(decoding: bytes, as: UTF8.self).range(of: "Visa") == nil)
            }
            await #expect(throws: GraphRunError.self) {
                try await checkpointer.save(checkpoint(run, 2, .running, conversation: conversation))
            }
            #expect(try await checkpointer.latest(runID: "not-a-uuid") == nil)
        }
    }

    @Test func runsAreKeptUntilNothingHasTouchedThemForTheTTL() async throws {
        try await withCheckpointer { checkpointer, client, conversation in
            let finished = UUID().uuidString.lowercased()
            let running = UUID().uuidString.lowercased()
            for step in 1...2 { try await checkpointer.save(checkpoint(finished, step, .running, conversation: conversation)) }
            try await checkpointer.save(checkpoint(finished, 3, .finished, conversation: conversation))
            try await checkpointer.save(checkpoint(running, 1, .running, conversation: conversation))
            func steps(_ run: String) async throws -> [Int] {
                try await client.query("SELECT step FROM plutus_graph_checkpoints WHERE run_id = \(run)::uuid ORDER BY step")
                    .map { try $0.decode("step", as: Int.self) }
            }
            #expect(try await steps(finished) == [3])
            #expect(try await checkpointer.prune(olderThan: .seconds(3600)) == 0)
            try await client.query(
                "UPDATE plutus_graph_checkpoints SET created_at = now() - interval '2 hours' WHERE run_id = \(finished)::uuid")
            #expect(try await checkpointer.prune(olderThan: .seconds(3600)) == 1)
            #expect(try await steps(finished).isEmpty)
            #expect(try await steps(running) == [1], "a run touched within the TTL stays")
            try await client.query("UPDATE plutus_graph_checkpoints SET created_at = now() - interval '2 days'")
            #expect(try await checkpointer.prune(olderThan: .seconds(86_400)) == 1, "an abandoned run goes too")
            #expect(try await steps(running).isEmpty)
        }
    }
}
