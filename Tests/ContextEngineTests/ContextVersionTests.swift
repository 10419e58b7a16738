import ContextEngine
import Foundation
import PlutusData
import PlutusWire
import Postgres
import Testing

/// Versions, updates from the conversation, and what is stored at rest.
@Suite struct ContextVersionTests {
    @Test func refreshesNumberVersionsAndHistoryListsThemNewestFirst() async throws {
        try await Household.with { household in
            let engine = household.engine()
            #expect(try await engine.refresh(userID: household.userID, reason: "api").version == 1)
            #expect(try await engine.refresh(userID: household.userID, reason: "event:balance_updated").version == 2)
            let history = try await engine.history(userID: household.userID)
            #expect(history.map(\.version) == [2, 1])
            #expect(history.map(\.reason) == ["event:balance_updated", "api"])
            #expect(history.allSatisfy { $0.createdAtUnixMs > 0 })
            #expect(try await engine.history(userID: household.otherUserID).isEmpty)
            let snapshot = try #require(try await engine.versions.snapshot(userID: household.userID, version: 1))
            #expect(snapshot.version == 1)
            #expect(snapshot.netWorth?.netWorthCents == 73_265_94)
        }
    }

    @Test func concurrentRefreshesGetConsecutiveVersions() async throws {
        try await Household.with { household in
            let engine = household.engine()
            let versions = try await withThrowingTaskGroup(of: Int64.self) { group in
                for index in 0..<8 {
                    group.addTask { try await engine.refresh(userID: household.userID, reason: "r\(index)").version }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(versions.sorted() == Array(1...8))
        }
    }

    @Test func aRunIDMakesAVersionOnce() async throws {
        try await Household.with { household in
            let engine = household.engine()
            let update = ContextUpdate(
                userID: household.userID,
                insights: [Insight(type: "preference", content: "Prefers index funds", confidence: 0.9)],
                reason: "goal_extraction", runID: "run-42:context_update")
            let first = try await engine.apply(update)
            let again = try await engine.apply(update)
            #expect(first.version == 1)
            #expect(again.version == 1)
            #expect(try await engine.history(userID: household.userID).count == 1)
            let count = try await household.database.query(
                "SELECT count(*)::int AS n FROM plutus_insights WHERE user_id = \(household.userID)::uuid")
            #expect(try count.first?.decode("n", as: Int.self) == 1)
            #expect(try await engine.refresh(userID: household.userID, reason: "event", runID: "event:1-0").version == 2)
            #expect(try await engine.refresh(userID: household.userID, reason: "event", runID: "event:1-0").version == 2)
        }
    }

    @Test func aReplayedRunAnswersTheVersionItMadeAsItWasStored() async throws {
        try await Household.with { household in
            let engine = household.engine()
            let first = try await engine.refresh(userID: household.userID, reason: "event", runID: "event:9-0")
            try await household.database.query("UPDATE users SET name = 'Renamed' WHERE id = \(household.userID)::uuid")
            _ = try await engine.refresh(userID: household.userID, reason: "api")
            let replayed = try await engine.refresh(userID: household.userID, reason: "event", runID: "event:9-0")
            #expect(replayed.version == 1)
            #expect(replayed.profile?.name == "Avery Quinn")
            #expect(replayed == first)
        }
    }

    @Test func anIDInUpperCaseIsTheSameUserAndTheSameRows() async throws {
        try await Household.with { household in
            let engine = household.engine(cache: household.cache())
            let upper = household.userID.uppercased()
            let insightID = UUID().uuidString  // upper case, as Foundation writes it
            let made = try await engine.apply(
                ContextUpdate(
                    userID: upper, insights: [Insight(id: insightID, type: "note", content: "Likes round numbers", confidence: 0.6)],
                    runID: "upper"))
            #expect(made.userID == household.userID)
            #expect(made.insights.map(\.content) == ["Likes round numbers"])
            #expect(try await engine.refresh(userID: upper, reason: "api").version == 2)
            #expect(try await engine.context(of: upper).version == 2)
            #expect(try await engine.context(of: household.userID).version == 2)
            #expect(try await engine.history(userID: upper).count == 2)
            let store = ConversationStore(client: household.database, cipher: household.cipher)
            let conversation = try await store.start(userID: upper)
            _ = try await store.end(conversationID: conversation.id.uppercased(), userID: upper, summary: "Sealed in capitals")
            let read = try await engine.refresh(userID: household.userID, reason: "after")
            #expect(read.conversations.first?.summary == "Sealed in capitals")
        }
    }

    @Test func updatesStoreGoalsInsightsAndPreferences() async throws {
        try await Household.with { household in
            let engine = household.engine()
            let goalID = UUID().uuidString.lowercased()
            let made = try await engine.apply(
                ContextUpdate(
                    userID: household.userID,
                    goals: [
                        Goal(
                            id: goalID, type: "home_purchase", title: "Deposit for a flat", targetAmountCents: 60_000_00,
                            currentAmountCents: 15_000_00, targetDate: "2029-09-01", priority: 2)
                    ],
                    insights: [Insight(type: "risk", content: "Nervous about market drops", confidence: 0.7)],
                    reason: "goal_extraction", runID: "run-1", preferences: [Preference(key: "tone", value: "brief")]))
            let goal = try #require(made.goals.first { $0.id == goalID })
            #expect(goal.source == "coach")
            #expect(goal.progressBps == 2_500)
            #expect(goal.status == "active")
            #expect(made.insights.map(\.content) == ["Nervous about market drops"])
            #expect(made.preferences == [Preference(key: "tone", value: "brief")])
            // Upserted by id, then removed.
            var changed = goal
            changed.currentAmountCents = 30_000_00
            let second = try await engine.apply(
                ContextUpdate(userID: household.userID, baseVersion: 1, goals: [changed], runID: "run-2"))
            #expect(second.goals.first { $0.id == goalID }?.progressBps == 5_000)
            let third = try await engine.apply(
                ContextUpdate(userID: household.userID, baseVersion: 2, removedGoalIDs: [goalID], runID: "run-3"))
            #expect(!third.goals.contains { $0.id == goalID })
            #expect(third.version == 3)
        }
    }

    @Test func anUpdateOnAStaleVersionIsRefused() async throws {
        try await Household.with { household in
            let engine = household.engine()
            _ = try await engine.refresh(userID: household.userID, reason: "api")
            _ = try await engine.refresh(userID: household.userID, reason: "api")
            let error = await #expect(throws: ContextEngineError.self) {
                try await engine.apply(ContextUpdate(userID: household.userID, baseVersion: 1, runID: "late"))
            }
            #expect(error == .staleVersion(base: 1, current: 2))
            #expect(error?.rpcError.status.code == .failedPrecondition)
            #expect(try await engine.history(userID: household.userID).count == 2)
        }
    }

    @Test(arguments: [
        Goal(type: "yacht", title: "A boat"),
        Goal(type: "travel", title: ""),
        Goal(id: "not-a-uuid", type: "travel", title: "Trip"),
        Goal(type: "travel", title: "Trip", targetAmountCents: -5),
        Goal(type: "travel", title: "Trip", targetDate: "2027-02-30"),
        Goal(type: "travel", title: "Trip", status: "dreaming"),
    ])
    func malformedGoalsAreRefusedAndChangeNothing(goal: Goal) async throws {
        try await Household.with { household in
            let engine = household.engine()
            await #expect(throws: ContextEngineError.self) {
                try await engine.apply(ContextUpdate(userID: household.userID, goals: [goal], runID: "bad"))
            }
            let history = try await engine.history(userID: household.userID)
            #expect(history.isEmpty)
        }
    }

    @Test func insightsAndSnapshotsAreSealedAtRest() async throws {
        try await Household.with { household in
            let engine = household.engine()
            let secret = "Owes 12,345 on a card nobody knows about"
            _ = try await engine.apply(
                ContextUpdate(
                    userID: household.userID, insights: [Insight(type: "debt", content: secret, confidence: 0.8)],
                    runID: "sealed"))
            let insight = try #require(
                try await household.database.query(
                    "SELECT content_sealed, content_key_id FROM plutus_insights WHERE user_id = \(household.userID)::uuid"
                ).first)
            let sealedInsight = try insight.decode("content_sealed", as: [UInt8].self)
            #expect(try insight.decode("content_key_id", as: String.self) == "test")
            #expect(!contains(sealedInsight, "12,345"))
            #expect(!contains(sealedInsight, "nobody knows"))
            let snapshot = try #require(
                try await household.database.query(
                    "SELECT snapshot_sealed FROM plutus_user_context WHERE user_id = \(household.userID)::uuid"
                ).first?.decode("snapshot_sealed", as: [UInt8].self))
            for plaintext in ["Avery Quinn", "12,345", "Six months of expenses", "Employer payroll", "VTI"] {
                #expect(!contains(snapshot, plaintext), "the snapshot holds '\(plaintext)' in the clear")
            }
            // A summary sealed for one conversation does not open as another's.
            let other = try await household.database.query(
                """
                SELECT position(convert_to('nobody knows', 'UTF8') IN content_sealed) AS at FROM plutus_insights
                """)
            #expect(try other.first?.decode("at", as: Int.self) == 0)
        }
    }

    @Test func recentConversationsAppearWithTheirSummariesNewestFirst() async throws {
        try await Household.with { household in
            let store = ConversationStore(client: household.database, cipher: household.cipher)
            let first = try await store.start(userID: household.userID, title: "Card debt")
            _ = try await store.end(conversationID: first.id, userID: household.userID, summary: "Plan: pay $600 a month")
            let second = try await store.start(userID: household.userID, title: "Retirement")
            let context = try await household.engine().context(of: household.userID)
            #expect(context.conversations.map(\.conversationID) == [second.id, first.id])
            #expect(context.conversations.last?.summary == "Plan: pay $600 a month")
            #expect(context.conversations.last?.endedAtUnixMs ?? 0 > 0)
            #expect(context.conversations.first?.summary == "")
            #expect(context.conversations.first?.title == "Retirement")
        }
    }

    @Test func aRowSealedWithAKeyNoLongerListedFailsLoudly() async throws {
        try await Household.with { household in
            _ = try await household.engine().apply(
                ContextUpdate(
                    userID: household.userID, insights: [Insight(type: "t", content: "c", confidence: 0.5)], runID: "k"))
            let rotatedAway = ContextEngine(
                client: household.database, cache: nil, hostTables: HostTables(),
                cipher: try DataCipher(keyList: DataCipher.generateKeyEntry(id: "new")), memories: NoMemories(),
                logger: Household.logger)
            await #expect(throws: DataCipherError.unknownKey("test")) {
                try await rotatedAway.context(of: household.userID)
            }
        }
    }

    private func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { Array(bytes[$0..<$0 + needle.count]) == needle }
    }
}
