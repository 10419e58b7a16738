import Foundation
import Logging
import PlutusData
import PlutusTestSupport
import Postgres
import Testing

/// Conversations and sealed messages against a migrated scratch database.
@Suite struct ConversationStoreTests {
    static let logger = Logger(label: "plutus.tests.conversations")
    static let user = "0b9f4a52-3c1e-4d7a-9a55-6f0e2d1c8b01"
    static let stranger = "0b9f4a52-3c1e-4d7a-9a55-6f0e2d1c8b02"

    private func withStore<Result>(_ body: (ConversationStore, PostgresClient) async throws -> Result) async throws -> Result {
        try await ScratchSchema.with { scratch in
            let url = scratch.url
            let client = PostgresClient(configuration: try .init(url: url, maximumConnections: 2), logger: Self.logger)
            return try await withCleanUp {
                try await Migrator(client: client, logger: Self.logger).migrate(standalone: true)
                try await client.query(
                    "INSERT INTO users (id, name) VALUES (\(Self.user)::uuid, 'Avery'), (\(Self.stranger)::uuid, 'Stranger')")
                let cipher = try DataCipher(keyList: DataCipher.generateKeyEntry(id: "m1"))
                return try await body(ConversationStore(client: client, cipher: cipher), client)
            } cleanUp: {
                await client.shutdown()
            }
        }
    }

    @Test func messagesAreSealedAtRestAndReadBackInOrder() async throws {
        try await withStore { store, client in
            let conversation = try await store.start(userID: Self.user, title: "Debt")
            let said = ["I owe $12,400 on my Visa at 24.99%", "Pay it before investing.", "What about my 401(k) match?"]
            for (index, text) in said.enumerated() {
                _ = try await store.append(
                    conversationID: conversation.id, userID: Self.user, role: index.isMultiple(of: 2) ? .user : .assistant,
                    content: text)
            }
            let read = try await store.messages(conversationID: conversation.id, userID: Self.user)
            #expect(read.map(\.content) == said)
            #expect(read.map(\.role) == [.user, .assistant, .user])
            let stored = try await client.query("SELECT content_sealed, content_key_id FROM plutus_messages")
            #expect(stored.count == 3)
            for row in stored {
                let bytes = try row.decode("content_sealed", as: [UInt8].self)
                #expect(try row.decode("content_key_id", as: String.self) == "m1")
                for fragment in ["12,400", "Visa", "invest", "401(k)"] {
                    #expect(String(decoding: bytes, as: UTF8.self).range(of: fragment) == nil)
                }
            }
            let inSQL = try await client.query(
                "SELECT count(*)::int AS n FROM plutus_messages WHERE position(convert_to('Visa', 'UTF8') IN content_sealed) > 0")
            #expect(try inSQL.first?.decode("n", as: Int.self) == 0)
        }
    }

    @Test func historyPagesBackwards() async throws {
        try await withStore { store, _ in
            let conversation = try await store.start(userID: Self.user)
            var written: [ConversationStore.Message] = []
            for index in 0..<5 {
                written.append(
                    try await store.append(conversationID: conversation.id, userID: Self.user, role: .user, content: "m\(index)"))
            }
            let latest = try await store.messages(conversationID: conversation.id, userID: Self.user, limit: 2)
            #expect(latest.map(\.content) == ["m3", "m4"])
            let earlier = try await store.messages(
                conversationID: conversation.id, userID: Self.user, limit: 2, before: latest[0].createdAt)
            #expect(earlier.map(\.content) == ["m1", "m2"])
        }
    }

    @Test func historyCanBeOneRolesOnly() async throws {
        try await withStore { store, _ in
            let conversation = try await store.start(userID: Self.user)
            for index in 0..<3 {
                _ = try await store.append(conversationID: conversation.id, userID: Self.user, role: .user, content: "q\(index)")
                _ = try await store.append(conversationID: conversation.id, userID: Self.user, role: .assistant, content: "a\(index)")
            }
            let asked = try await store.messages(conversationID: conversation.id, userID: Self.user, limit: 2, role: .user)
            #expect(asked.map(\.content) == ["q1", "q2"])
            let answered = try await store.messages(conversationID: conversation.id, userID: Self.user, role: .assistant)
            #expect(answered.map(\.content) == ["a0", "a1", "a2"])
            #expect(try await store.count(conversationID: conversation.id, userID: Self.user) == 6)
            #expect(try await store.count(conversationID: conversation.id, userID: UUID().uuidString) == 0)
        }
    }

    @Test func anotherUserCannotReadOrWriteTheConversation() async throws {
        try await withStore { store, _ in
            let conversation = try await store.start(userID: Self.user)
            _ = try await store.append(conversationID: conversation.id, userID: Self.user, role: .user, content: "private")
            await #expect(throws: ConversationStoreError.notFound) {
                try await store.append(conversationID: conversation.id, userID: Self.stranger, role: .user, content: "hi")
            }
            #expect(try await store.messages(conversationID: conversation.id, userID: Self.stranger).isEmpty)
            #expect(try await store.conversation(conversation.id, userID: Self.stranger) == nil)
            await #expect(throws: ConversationStoreError.notFound) {
                try await store.end(conversationID: conversation.id, userID: Self.stranger, summary: "hijacked")
            }
        }
    }

    @Test func anEndedConversationKeepsItsSealedSummaryAndTakesNoMoreMessages() async throws {
        try await withStore { store, client in
            let conversation = try await store.start(userID: Self.user, title: "Budget")
            let ended = try await store.end(conversationID: conversation.id, userID: Self.user, summary: "Agreed a $500/month plan")
            #expect(ended.summary == "Agreed a $500/month plan")
            #expect(ended.endedAt != nil)
            await #expect(throws: ConversationStoreError.notFound) {
                try await store.append(conversationID: conversation.id, userID: Self.user, role: .user, content: "one more")
            }
            let raw = try await client.query("SELECT summary_sealed FROM plutus_conversations").first?
                .decode("summary_sealed", as: [UInt8].self)
            #expect(String(decoding: try #require(raw), as: UTF8.self).range(of: "$500") == nil)
        }
    }

    @Test func aMissingMonthPartitionIsMadeOnTheSpot() async throws {
        try await withStore { store, client in
            let month = try await client.query("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY_MM') AS m").first?
                .decode("m", as: String.self)
            try await client.query(PostgresQuery(sql: "DROP TABLE plutus_messages_\(try #require(month))"))
            let conversation = try await store.start(userID: Self.user)
            _ = try await store.append(conversationID: conversation.id, userID: Self.user, role: .user, content: "still works")
            #expect(try await store.messages(conversationID: conversation.id, userID: Self.user).map(\.content) == ["still works"])
        }
    }

    @Test func aTurnOpensWithTheHistoryBeforeItsMessageInOneRoundTrip() async throws {
        try await withStore { store, client in
            let conversation = try await store.start(userID: Self.user)
            for text in ["first", "second", "third"] {
                _ = try await store.append(conversationID: conversation.id, userID: Self.user, role: .user, content: text)
            }
            let opening = try await store.openTurn(
                conversationID: conversation.id, userID: Self.user, content: "fourth", recentLimit: 2)
            #expect(opening.recent.map(\.content) == ["second", "third"])
            #expect(opening.count == 3)
            #expect(opening.message.content == "fourth" && opening.message.role == .user)
            #expect(try await store.count(conversationID: conversation.id, userID: Self.user) == 4)
            #expect(try await store.messages(conversationID: conversation.id, userID: Self.user).last?.id == opening.message.id)

            // Another user's conversation, or an ended one: nothing read back, nothing written.
            await #expect(throws: ConversationStoreError.notFound) {
                try await store.openTurn(conversationID: conversation.id, userID: Self.stranger, content: "hi", recentLimit: 2)
            }
            _ = try await store.end(conversationID: conversation.id, userID: Self.user, summary: "done")
            await #expect(throws: ConversationStoreError.notFound) {
                try await store.openTurn(conversationID: conversation.id, userID: Self.user, content: "more", recentLimit: 2)
            }
            #expect(try await client.query("SELECT count(*)::int AS n FROM plutus_messages").first?.decode("n", as: Int.self) == 4)

            // Its month's partition missing: made on the spot, and the turn opens.
            let month = try await client.query("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY_MM') AS m").first?
                .decode("m", as: String.self)
            try await client.query(PostgresQuery(sql: "DROP TABLE plutus_messages_\(try #require(month))"))
            let fresh = try await store.start(userID: Self.user)
            let reopened = try await store.openTurn(conversationID: fresh.id, userID: Self.user, content: "again", recentLimit: 5)
            #expect(reopened.recent.isEmpty && reopened.count == 0 && reopened.message.content == "again")
        }
    }

    @Test func deletingAUserTakesTheirConversationsAndMessages() async throws {
        try await withStore { store, client in
            let conversation = try await store.start(userID: Self.user)
            _ = try await store.append(conversationID: conversation.id, userID: Self.user, role: .user, content: "bye")
            try await client.query("DELETE FROM users WHERE id = \(Self.user)::uuid")
            let left = try await client.query(
                "SELECT (SELECT count(*) FROM plutus_conversations)::int AS c, (SELECT count(*) FROM plutus_messages)::int AS m")
            #expect(try left.first?.decode("c", as: Int.self) == 0)
            #expect(try left.first?.decode("m", as: Int.self) == 0)
        }
    }
}
