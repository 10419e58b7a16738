import Foundation
import PlutusTestSupport
import Postgres
import Testing

/// These tests restart and kill a PostgreSQL server of their own, so the shared one is untouched.
@Suite("Recovery after the server restarts", .serialized)
struct PostgresRestartTests {
    static let script = "deploy/local/postgres.sh"
    /// Port below the ephemeral range, so no client connection can hold it while the server restarts.
    static let instance = ["--name", "restart-test", "--port", "25439"]

    private func server(_ command: String) async throws -> String {
        try await ScriptRunner.run(Self.script, [command] + Self.instance)
            .split(separator: "\n").last.map(String.init) ?? ""
    }

    private func answer(_ client: PostgresClient) async throws -> Int {
        try await client.query("SELECT 41 + 1 AS n").first?.decode("n", as: Int.self) ?? 0
    }

    @Test func theSameClientWorksAfterRestartAndCrash() async throws {
        let url = try await server("start")
        try await withClient(try TestDatabase.makeClient(url: url, maximumConnections: 2)) { client async throws in
            #expect(try await answer(client) == 42)

            _ = try await server("restart")
            #expect(try await answer(client) == 42, "an idle connection to the old server is replaced unseen")

            _ = try await server("kill")
            let down = await #expect(throws: PostgresError.self) { try await answer(client) }
            #expect(down?.code == .connectionFailed)

            _ = try await server("start")
            #expect(try await answer(client) == 42)
            #expect(await client.poolStatistics.open <= 2)
        }
        _ = try await server("stop")
    }

    @Test func aStatementCutOffByTheCrashFailsAndTheNextOneWorks() async throws {
        let url = try await server("start")
        try await withClient(try TestDatabase.makeClient(url: url, maximumConnections: 1)) { client async throws in
            let sleeper = Task { try await client.query("SELECT pg_sleep(20)") }
            try await Task.sleep(for: .milliseconds(300))
            _ = try await server("kill")
            let cutOff = await #expect(throws: PostgresError.self) { try await sleeper.value }
            #expect(cutOff?.code == .connectionLost)
            _ = try await server("start")
            #expect(try await answer(client) == 42)
        }
        _ = try await server("stop")
    }
}
