import ContextEngine
import Foundation
import PlutusTestSupport
import PlutusData
import PlutusWire
import Redis
import Testing

/// The account events consumer, in process, against the shared Redis on a stream of its own.
@Suite struct ContextEventTests {
    /// A consumer on a fresh stream, running while `body` runs.
    private func withConsumer<Result>(
        _ household: Household, maximumDeliveries: Int = 5,
        _ body: (_ stream: String, _ engine: ContextEngine) async throws -> Result
    ) async throws -> Result {
        let stream = "test:events:\(UUID().uuidString.prefix(8))"
        var configuration = ContextEventConsumer.Configuration(consumer: "test-consumer")
        configuration.stream = stream
        configuration.deadLetterStream = stream + ":dead"
        configuration.claimIdle = .milliseconds(200)
        configuration.block = .milliseconds(100)
        configuration.maximumDeliveries = maximumDeliveries
        let engine = household.engine(cache: household.cache())
        let consumer = ContextEventConsumer(
            redis: household.redis, engine: engine, configuration: configuration, logger: Household.logger)
        let running = Task { try await consumer.run() }
        return try await withCleanUp {
            try await body(stream, engine)
        } cleanUp: {
            running.cancel()
            _ = await running.result
            _ = try? await household.redis.del([stream, stream + ":dead"])
        }
    }


    private func pending(_ household: Household, _ stream: String) async throws -> Int {
        try await household.redis.xpending(stream, group: "plutus-context").count
    }

    private func deadLetters(_ household: Household, _ stream: String) async throws -> [RedisStreamEntry] {
        try await household.redis.xrange(stream + ":dead")
    }

    @Test func eachEventRefreshesTheContextAndIsAcknowledgedAfterwards() async throws {
        try await Household.with { household in
            try await withConsumer(household) { stream, engine in
                for type in ["account_connected", "transaction_categorized", "balance_updated", "goal_updated"] {
                    try await household.redis.xadd(stream, fields: ["type": RESPArgument(type), "user_id": RESPArgument(household.userID)])
                }
                #expect(try await eventually { try await engine.history(userID: household.userID).count == 4 })
                #expect(try await eventually { try await pending(household, stream) == 0 })
                let history = try await engine.history(userID: household.userID)
                #expect(history.map(\.reason) == [
                    "event:goal_updated", "event:balance_updated", "event:transaction_categorized", "event:account_connected",
                ])
                #expect(try await engine.context(of: household.userID).version == 4)
                #expect(try await deadLetters(household, stream).isEmpty)
            }
        }
    }

    @Test func malformedEventsGoToTheDeadLetterStreamWithTheirReason() async throws {
        try await Household.with { household in
            try await withConsumer(household) { stream, engine in
                let user = RESPArgument(household.userID)
                let cases: [(fields: [(String, RESPArgument)], reason: String)] = [
                    ([("user_id", user)], "no `type` field"),
                    ([("type", "balance_updated")], "no `user_id` field"),
                    ([("type", "stock_split"), ("user_id", user)], "unknown type 'stock_split'"),
                    ([("type", "balance_updated"), ("user_id", "12345")], "is not a UUID"),
                    ([("type", "balance_updated"), ("user_id", RESPArgument([0xFF, 0xFE]))], "no `user_id` field"),
                    ([("type", "goal_updated"), ("user_id", "00000000-0000-0000-0000-000000000000")], "no user"),
                ]
                var ids: [String] = []
                for entry in cases { ids.append(try await household.redis.xadd(stream, fields: entry.fields)) }
                // A good event after the bad ones still applies.
                try await household.redis.xadd(stream, fields: ["type": "balance_updated", "user_id": user])
                #expect(try await eventually { try await deadLetters(household, stream).count == cases.count })
                #expect(try await eventually { try await pending(household, stream) == 0 })
                let dead = try await deadLetters(household, stream)
                for (entry, expected) in zip(dead, zip(ids, cases)) {
                    #expect(entry.string("dead_original_id") == expected.0)
                    #expect(entry.string("dead_reason")?.contains(expected.1.reason) == true, "\(entry)")
                    // The original fields travel with it.
                    #expect(entry.fields.prefix(expected.1.fields.count).map(\.name) == expected.1.fields.map(\.0))
                }
                #expect(try await engine.history(userID: household.userID).count == 1)
            }
        }
    }

    @Test func anEventThatKeepsFailingIsDeadLetteredAfterItsDeliveries() async throws {
        try await Household.with { household in
            // An insight sealed with a key this engine does not have: every refresh of this user fails.
            try await household.database.query(
                """
                INSERT INTO plutus_insights (id, user_id, type, content_sealed, content_key_id, confidence, source)
                VALUES (gen_random_uuid(), \(household.userID)::uuid, 't', '\\x00'::bytea, 'retired-key', 0.5, 's')
                """)
            try await withConsumer(household, maximumDeliveries: 3) { stream, engine in
                let id = try await household.redis.xadd(
                    stream, fields: ["type": "balance_updated", "user_id": RESPArgument(household.userID)])
                #expect(try await eventually { try await deadLetters(household, stream).count == 1 })
                let dead = try await deadLetters(household, stream)
                #expect(dead.first?.string("dead_original_id") == id)
                #expect(dead.first?.string("dead_reason")?.contains("failed 3 times") == true)
                #expect(try await pending(household, stream) == 0)
                #expect(try await engine.history(userID: household.userID).isEmpty)
            }
        }
    }
}
