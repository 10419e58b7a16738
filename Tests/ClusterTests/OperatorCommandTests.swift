import Foundation
import PlutusTestSupport
import Testing

/// `plutus migrate`, `seed`, `token` and `keygen` as an operator runs them, good input and bad.
@Suite struct OperatorCommandTests {
    private let plutus = Repository.product("plutus")

    /// The local services' environment without the variables named, plus `extra`.
    private func environment(without removed: [String] = [], _ extra: [String: String] = [:]) -> [String: String] {
        var environment = LocalServices.environment()
        for name in removed { environment[name] = nil }
        return environment.merging(extra) { _, new in new }
    }

    private func failure(_ arguments: [String], environment: [String: String]) -> String {
        do {
            let output = try ScriptRunner.runProgram(plutus, arguments, environment: environment)
            return "exited 0: \(output)"
        } catch let failure as ScriptRunner.Failure {
            return failure.output
        } catch {
            return "\(error)"
        }
    }

    @Test func migrateAndSeedAScratchDatabaseThenMakeATokenForItsDemoUser() async throws {
        try await ScratchSchema.with { scratch in
            let url = scratch.url
            let environment = environment(["DATABASE_URL": url])
            let migrated = try ScriptRunner.runProgram(plutus, ["migrate", "--standalone"], environment: environment)
            #expect(migrated.contains("0001 host_tables — applied"))
            #expect(migrated.contains("0002 plutus_tables — applied"))
            let again = try ScriptRunner.runProgram(plutus, ["migrate", "--standalone"], environment: environment)
            #expect(again.contains("0002 plutus_tables — already applied"))
            let seeded = try ScriptRunner.runProgram(plutus, ["seed", "--users", "5", "--seed", "9"], environment: environment)
            #expect(seeded.contains("seeded 5 households"), "\(seeded)")
            #expect(seeded.contains("demo token: ey"), "\(seeded)")
            let user = try #require(
                seeded.split(separator: "\n").first { $0.hasPrefix("demo user: ") }?.dropFirst("demo user: ".count))
            let token = try ScriptRunner.runProgram(plutus, ["token", "--user", String(user), "--hours", "1"], environment: environment)
            #expect(token.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
            let reseeded = try ScriptRunner.runProgram(plutus, ["seed", "--users", "5", "--seed", "9"], environment: environment)
            #expect(reseeded.contains("already seeded"))
        }
    }

    @Test func badInputIsRefusedWithTheReason() {
        let noDatabase = environment(without: ["DATABASE_URL"])
        #expect(failure(["migrate"], environment: noDatabase).contains("pass --database-url or set DATABASE_URL"))
        #expect(failure(["migrate", "--database-url", "mysql://x"], environment: noDatabase).contains("--database-url / DATABASE_URL"))
        #expect(
            failure(["migrate"], environment: environment(["PLUTUS_HOST_TABLES": "users=1bad"])).contains("is not a table name"))
        #expect(failure(["seed", "--users", "0"], environment: environment()).contains("--users must be from 1 to 1000000"))
        #expect(failure(["token", "--user", "alice"], environment: environment()).contains("--user must be a UUID"))
        let user = "0b9f4a52-3c1e-4d7a-9a55-6f0e2d1c8b01"
        #expect(
            failure(["token", "--user", user], environment: environment(without: ["PLUTUS_JWT_SECRET"]))
                .contains("PLUTUS_JWT_SECRET is not set"))
        #expect(
            failure(["token", "--user", user], environment: environment(["PLUTUS_JWT_SECRET": "short"]))
                .contains("at least 32 characters"))
        #expect(failure(["keygen", "--id", "bad id"], environment: environment()).contains("is not 1–32 letters"))
    }

    @Test func keygenPrintsAUsableKey() throws {
        let line = try ScriptRunner.runProgram(plutus, ["keygen", "--id", "2026-11"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.hasPrefix("PLUTUS_DATA_KEY=2026-11:"))
        #expect(Data(base64Encoded: String(line.dropFirst("PLUTUS_DATA_KEY=2026-11:".count)))?.count == 32)
    }

    @Test func migrateInDemoModeMakesTheHostTablesAndSeedsOnce() async throws {
        try await ScratchSchema.with { scratch in
            let demo = environment(["DATABASE_URL": scratch.url, "PLUTUS_DEMO": "1", "PLUTUS_DEMO_USERS": "3"])
            let first = try ScriptRunner.runProgram(plutus, ["migrate"], environment: demo)
            #expect(first.contains("0001 host_tables — applied"), "\(first)")
            #expect(first.contains("seeded 3 households") && first.contains("demo token: ey"), "\(first)")
            let again = try ScriptRunner.runProgram(plutus, ["migrate"], environment: demo)
            #expect(again.contains("0001 host_tables — already applied") && again.contains("already seeded"), "\(again)")
        }
        #expect(failure(["migrate"], environment: environment(["PLUTUS_DEMO": "maybe"])).contains("PLUTUS_DEMO must be 1 or 0, not 'maybe'"))
        #expect(
            failure(["migrate"], environment: environment(["PLUTUS_DEMO": "1", "PLUTUS_DEMO_USERS": "lots"]))
                .contains("PLUTUS_DEMO_USERS must be a number, not 'lots'"))
        #expect(failure(["migrate", "--demo", "--demo-users", "0"], environment: environment()).contains("--demo-users must be from 1 to 1000000"))
    }

    @Test func healthOfOneServiceIsWhatAContainerHealthCheckRuns() throws {
        let noListen = failure(["health", "--local"], environment: environment(without: ["PLUTUS_LISTEN"]))
        #expect(noListen.contains("PLUTUS_LISTEN is not set"), "\(noListen)")
        #expect(failure(["health", "--local", "--address", "tcp://127.0.0.1:1"], environment: environment()).contains("not both"))
        #expect(failure(["health", "--address", "http://x"], environment: environment()).contains("invalid address 'http://x'"))
        // Nothing listens on port 1: a DOWN row and a failing exit, quickly.
        let down = failure(["health", "--local"], environment: environment(["PLUTUS_LISTEN": "tcp://0.0.0.0:1"]))
        #expect(down.contains("DOWN") && down.contains("tcp://127.0.0.1:1"), "\(down)")
    }
}
