import Foundation
import PlutusTestSupport
import ProcessSupport
import Redis
import Testing

/// Two real `plutus-context` processes share the event stream; the first is killed mid-stream.
@Suite struct ConsumerKillTests {
    @Test(.timeLimit(.minutes(3))) func aConsumerKilledMidStreamLosesNoEventAndAppliesNoneTwice() async throws {
        try await Household.with { household in
            let stream = "test:events:\(UUID().uuidString.prefix(8))"
            let directory = "/tmp/plutus-events-\(UUID().uuidString.prefix(8))"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let users = [household.userID, household.otherUserID]
            let eventsPerUser = [180, 120]
            for (user, count) in zip(users, eventsPerUser) {
                for _ in 0..<count {
                    try await household.redis.xadd(stream, fields: ["type": "balance_updated", "user_id": RESPArgument(user)])
                }
            }
            let databaseURL = household.databaseURL
            func start(_ name: String) throws -> ChildProcess {
                var environment = LocalServices.environment()
                environment["DATABASE_URL"] = databaseURL
                environment["PLUTUS_DATA_KEY"] = household.cipherKeyList
                environment["PLUTUS_EVENTS_STREAM"] = stream
                environment["PLUTUS_EVENTS_CLAIM_IDLE_MS"] = "500"
                return try ChildProcess.spawn(
                    Repository.product("plutus-context"),
                    ["--listen", "unix://\(directory)/\(name).sock", "--vector", "unix://\(directory)/no-vector.sock",
                     "--instance", name],
                    environment: environment,
                    standardOutput: .appendingTo(path: "\(directory)/\(name).log"),
                    standardError: .appendingTo(path: "\(directory)/\(name).log"))
            }
            func versions() async throws -> Int {
                try await household.database.query("SELECT count(*)::int AS n FROM plutus_user_context").first?.decode("n") ?? 0
            }
            func logs() -> String {
                ["first", "second"].map { (try? String(contentsOfFile: "\(directory)/\($0).log", encoding: .utf8)) ?? "" }
                    .joined(separator: "\n")
            }

            let first = try start("first")
            let midStream = try await eventually { try await versions() >= 40 }
            first.forceKill()
            _ = await first.termination()
            #expect(midStream, "the first consumer never got going:\n\(logs())")
            let appliedBeforeTheKill = try await versions()
            #expect(appliedBeforeTheKill < 300, "the first consumer finished before it was killed")

            let second = try start("second")
            let finished = try await eventually(timeout: .seconds(90)) {
                let pending = try await household.redis.xpending(stream, group: "plutus-context").count
                let applied = try await versions()
                return pending == 0 && applied >= 300
            }
            // SIGTERM stops it cleanly and promptly: the consumer and its neighbours end on a graceful shutdown.
            let stopped = await second.stop(grace: .seconds(20))
            #expect(stopped == .exited(0), "plutus-context did not stop on SIGTERM:\n\(logs())")
            #expect(finished, "the events were not all applied:\n\(logs())")

            // One version per event, numbered without gaps, for each user.
            for (user, count) in zip(users, eventsPerUser) {
                let row = try #require(
                    try await household.database.query(
                        """
                        SELECT count(*)::int AS n, max(version)::int AS top, count(DISTINCT run_id)::int AS runs
                        FROM plutus_user_context WHERE user_id = \(user)::uuid
                        """
                    ).first)
                #expect(try row.decode("n", as: Int.self) == count)
                #expect(try row.decode("top", as: Int.self) == count)
                #expect(try row.decode("runs", as: Int.self) == count)
            }
            #expect(try await household.redis.xrange(stream + ":dead").isEmpty)
            _ = try await household.redis.del([stream])
        }
    }
}
