import Foundation
import Logging
import PlutusCluster
import PlutusTestSupport
import PlutusWire
import ProcessSupport
import RPCCore
import RPCTransport
import Synchronization
import Testing

/// The whole cluster as separate processes, started by `plutus up` the way an operator does.
@Suite("Cluster: plutus up, health, and a replica killed under load")
struct ClusterTests {
    static let logger = Logger(label: "plutus.tests.cluster")

    /// A running `plutus up` in a private directory, short enough for Unix socket paths.
    struct RunningCluster {
        let directory: String
        let supervisor: ChildProcess
        var runDirectory: String { directory + "/run" }

        static func start(replicas: String) throws -> RunningCluster {
            let directory = "/tmp/plutus-cluster-\(UUID().uuidString.prefix(8))"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let supervisor = try ChildProcess.spawn(
                Repository.product("plutus"),
                [
                    "up", "--replicas", replicas, "--run-directory", directory + "/run", "--log-directory",
                    directory + "/logs", "--stop-grace", "5", "--http-port", "0",
                ],
                environment: LocalServices.environment(),
                standardOutput: .appendingTo(path: directory + "/up.log"),
                standardError: .appendingTo(path: directory + "/up.log"))
            return RunningCluster(directory: directory, supervisor: supervisor)
        }

        func manifest() -> ClusterManifest? { try? ClusterManifest.read(from: runDirectory) }

        /// What `plutus up` and its services logged, for a failure's message.
        func logs() -> String {
            let files = (try? FileManager.default.subpathsOfDirectory(atPath: directory)) ?? []
            return files.filter { $0.hasSuffix(".log") }.sorted().map { file in
                "== \(file)\n" + ((try? String(contentsOfFile: "\(directory)/\(file)", encoding: .utf8)) ?? "")
            }.joined(separator: "\n")
        }

        /// Waits until the manifest lists every instance with a pid and each answers SERVING.
        func waitUntilServing(timeout: Duration = .seconds(60)) async throws -> ClusterManifest {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                if let manifest = manifest(), manifest.instances.allSatisfy({ $0.pid != nil }),
                    await ClusterTests.allServing(manifest)
                {
                    return manifest
                }
                try await Task.sleep(for: .milliseconds(200))
            }
            throw RPCError(code: .deadlineExceeded, message: "the cluster did not come up:\n\(logs())")
        }

        /// Ctrl-C, as an operator would; returns how `plutus up` ended.
        func interrupt() async -> ChildProcess.Termination {
            supervisor.signal(SIGINT)
            return await supervisor.termination()
        }
    }

    static func allServing(_ manifest: ClusterManifest) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            for instance in manifest.instances {
                group.addTask { await serving(instance.address) }
            }
            return await group.allSatisfy { $0 }
        }
    }

    static func serving(_ address: String) async -> Bool {
        guard let address = try? RPCAddress(parsing: address) else { return false }
        return await HealthProbe.serves(address, deadline: .seconds(1))
    }

    static func isAlive(_ pid: Int32) -> Bool { kill(pid, 0) == 0 }

    @Test(.timeLimit(.minutes(3)))
    func killingAFinancialReplicaMidLoadFailsNoIdempotentCall() async throws {
        let cluster = try RunningCluster.start(replicas: "financial=3,goal=2")
        do {
            try await exercise(cluster)
        } catch {
            _ = await cluster.interrupt()  // never leave a cluster behind
            throw error
        }
    }

    private func exercise(_ cluster: RunningCluster) async throws {
        let manifest = try await cluster.waitUntilServing()
        #expect(manifest.instances.count == 10)

        // plutus health agrees, the gateway's view of every service included.
        let health = try ScriptRunner.runProgram(
            Repository.product("plutus"), ["health", "--run-directory", cluster.runDirectory, "--no-dependencies"])
        #expect(health.split(separator: "\n").filter { $0.contains("SERVING") }.count == 16, "\(health)")

        let financial = manifest.instances.filter { $0.kind == .financialAgent }
        let client = RPCClient(
            service: "financial-agent", target: .addresses(try financial.map { try RPCAddress(parsing: $0.address) }),
            configuration: .init(healthCheckInterval: .milliseconds(100)), logger: Self.logger)
        let healthChecks = Task { await client.run() }

        let victim = financial[1]
        let victimPID = try #require(victim.pid)
        let outcome = try await Self.load(client, workers: 16, for: .seconds(4)) {
            try await Task.sleep(for: .seconds(1))
            kill(victimPID, SIGKILL)
        }
        #expect(outcome.failures.isEmpty, "idempotent calls failed: \(outcome.failures.prefix(5))")
        // Enough calls that many were in flight when the replica died (a busy CI machine manages a few hundred).
        #expect(outcome.succeeded > 100, "the load ran: \(outcome.succeeded) calls")
        #expect(!Self.isAlive(victimPID))

        // The supervisor restarts the killed replica under a new pid, and it serves again.
        var restarted: ClusterManifest.Instance?
        for _ in 0..<150 {
            if let instance = cluster.manifest()?.instances.first(where: { $0.name == victim.name }),
                let pid = instance.pid, pid != victimPID, await Self.serving(instance.address)
            {
                restarted = instance
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(restarted != nil, "the killed replica came back:\n\(cluster.logs())")

        healthChecks.cancel()
        await client.close()
        let pids = cluster.manifest()?.instances.compactMap(\.pid) ?? []
        #expect(await cluster.interrupt() == .exited(0), "\(cluster.logs())")
        #expect(pids.allSatisfy { !Self.isAlive($0) }, "Ctrl-C stopped every service")
        #expect(cluster.manifest() == nil, "the manifest is removed")
    }

    @Test(.timeLimit(.minutes(1)))
    func badPlansAndMissingExecutablesAreRefusedBeforeAnythingStarts() throws {
        let error = #expect(throws: ScriptRunner.Failure.self) {
            try ScriptRunner.runProgram(Repository.product("plutus"), ["up", "--replicas", "financial=0"])
        }
        #expect(error?.output.contains("invalid replicas 'financial=0'") == true, "\(error?.output ?? "")")
        let noBinaries = #expect(throws: ScriptRunner.Failure.self) {
            try ScriptRunner.runProgram(
                Repository.product("plutus"),
                ["up", "--bin-directory", "/nonexistent", "--run-directory", "/tmp/plutus-unused-\(UUID().uuidString.prefix(8))"])
        }
        #expect(noBinaries?.output.contains("lacks plutus-gateway") == true, "\(noBinaries?.output ?? "")")
    }

    struct LoadOutcome {
        var succeeded = 0
        var failures: [String] = []
    }

    /// A small context for the financial agent to analyse: income, spending and one account.
    static let loadContext = UserContext(
        userID: "5f0c1c1e-8a57-4a5e-9d0f-2f1f3c1b9a77",
        accounts: [Account(id: "checking", type: "checking", name: "Everyday", balanceCents: 3_000_00)],
        netWorth: NetWorth(assetsCents: 3_000_00, netWorthCents: 3_000_00),
        cashFlow: CashFlow(days: 90, incomeCents: 15_000_00, spendingCents: 11_000_00, netCents: 4_000_00))

    /// Runs `workers` loops of idempotent `Run` calls for `duration`, with `disruption` alongside.
    static func load(
        _ client: RPCClient, workers: Int, for duration: Duration, disruption: @escaping @Sendable () async throws -> Void
    ) async throws -> LoadOutcome {
        let end = ContinuousClock.now + duration
        let method = ServiceKind.financialAgent.agentRunMethod
        return try await withThrowingTaskGroup(of: LoadOutcome.self) { group in
            group.addTask {
                try await disruption()
                return LoadOutcome()
            }
            for worker in 0..<workers {
                group.addTask {
                    var outcome = LoadOutcome()
                    var call = 0
                    while ContinuousClock.now < end {
                        call += 1
                        var metadata = RPCMetadata()
                        metadata.idempotencyKey = "worker-\(worker)-call-\(call)"
                        let request = AgentRequest(
                            userID: "5f0c1c1e-8a57-4a5e-9d0f-2f1f3c1b9a77", message: "How much can I save each month?",
                            context: loadContext, route: .analyzeFinances, today: "2026-11-25")
                        do {
                            let result = try await client.unary(
                                method, request, as: AgentResult.self, deadline: RPCDeadline(after: .seconds(5)),
                                metadata: metadata)
                            if result.route == .analyzeFinances { outcome.succeeded += 1 }
                        } catch {
                            outcome.failures.append("\(error)")
                        }
                    }
                    return outcome
                }
            }
            var total = LoadOutcome()
            for try await outcome in group {
                total.succeeded += outcome.succeeded
                total.failures += outcome.failures
            }
            return total
        }
    }
}
