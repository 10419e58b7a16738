import CoachGraph
import Foundation
import Logging
import PlutusCluster
import PlutusData
import PlutusTestSupport
import PlutusWire
import Postgres
import ProcessSupport
import RPCTransport
import Synchronization

/// A real cluster for one test: a migrated scratch schema with one seeded demo household, and
/// `plutus-context` plus the four agents as processes on Unix sockets.
struct CoachCluster {
    static let logger = Logger(label: "plutus.tests.coach-graph")

    let database: PostgresClient
    let databaseURL: String
    let cipher: DataCipher
    let cipherKeyList: String
    let directory: String
    /// What the cluster's processes were started with.
    let environment: [String: String]
    let userID: String
    let services: CoachServices
    let clients: [RPCClient]
    /// Processes the test started itself, stopped with the cluster.
    let started: StartedProcesses

    /// The Unix socket of `kind` in this cluster.
    static func socket(_ kind: ServiceKind, in directory: String) -> String { "unix://\(directory)/\(kind.rawValue).sock" }

    /// Runs `body` against a fresh cluster; `replace` names agents the test serves itself (their
    /// sockets are left free for it), and `extraEnvironment` is added to every process's.
    static func with<Result>(
        replacing replaced: Set<ServiceKind> = [], extraEnvironment: [String: String] = [:],
        _ body: (CoachCluster) async throws -> Result
    ) async throws -> Result {
        try await ScratchSchema.with { scratch in
            let url = scratch.url
            let database = PostgresClient(configuration: try .init(url: url, maximumConnections: 4), logger: logger)
            let directory = "/tmp/plutus-coach-\(UUID().uuidString.prefix(8))"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            var processes: [ChildProcess] = []
            var clients: [RPCClient] = []
            let started = StartedProcesses()
            return try await withCleanUp {
                try await Migrator(client: database, logger: logger).migrate(standalone: true)
                // A household of its own per cluster (its user's limits and cached model answers in the
                // shared Redis are its own); the seed is logged, and PLUTUS_TEST_SEED replays one.
                let seed = ProcessInfo.processInfo.environment["PLUTUS_TEST_SEED"].flatMap { UInt64($0) }
                    ?? UInt64.random(in: 1...UInt64(Int64.max))
                logger.info("seeding the cluster's household", metadata: ["seed": "\(seed)"])
                let seeded = try await DemoSeeder(client: database, logger: logger).seed(users: 1, seed: seed)
                let keyList = DataCipher.generateKeyEntry(id: "test")
                var environment = LocalServices.environment()
                environment["DATABASE_URL"] = url
                environment["PLUTUS_DATA_KEY"] = keyList
                environment["PLUTUS_CONTEXT_EVENTS"] = "off"
                environment["PLUTUS_VECTOR_DIR"] = "\(directory)/vector"  // started by the tests that need it
                environment["PLUTUS_LLM"] = "offline"  // whatever keys the developer's shell holds
                environment.merge(extraEnvironment) { _, extra in extra }
                for kind in ServiceKind.allCases { environment[kind.addressVariable] = socket(kind, in: directory) }
                let kinds: [ServiceKind] = [.context, .conversationAgent, .financialAgent, .goalAgent, .recommendationAgent]
                for kind in kinds where !replaced.contains(kind) {
                    processes.append(try spawn(kind, in: directory, environment: environment))
                }
                for kind in kinds {
                    clients.append(
                        RPCClient(
                            service: kind.rawValue, target: try RPCTarget(parsing: socket(kind, in: directory)),
                            logger: logger))
                }
                for (kind, client) in zip(kinds, clients) where !replaced.contains(kind) {
                    try await waitUntilServing(client, kind, directory)
                }
                let cluster = CoachCluster(
                    database: database, databaseURL: url, cipher: try DataCipher(keyList: keyList), cipherKeyList: keyList,
                    directory: directory, environment: environment, userID: seeded.demoUserID,
                    services: CoachServices(
                        context: clients[0], conversationAgent: clients[1], financialAgent: clients[2],
                        goalAgent: clients[3], recommendationAgent: clients[4]),
                    clients: clients, started: started)
                return try await body(cluster)
            } cleanUp: {
                for client in clients { await client.close() }
                for process in processes + started.all { _ = await process.stop(grace: .seconds(10)) }
                await database.shutdown()
                try? FileManager.default.removeItem(atPath: directory)
            }
        }
    }

    /// Starts the service `kind` on its socket in `directory`, logging beside it.
    static func spawn(_ kind: ServiceKind, in directory: String, environment: [String: String]) throws -> ChildProcess {
        var arguments = ["--listen", socket(kind, in: directory), "--instance", kind.rawValue]
        if kind == .context { arguments += ["--vector", socket(.vector, in: directory)] }
        if kind == .gateway { arguments += ["--http-port", "0", "--http-address-file", "\(directory)/gateway.http"] }
        return try ChildProcess.spawn(
            Repository.product(kind.executable), arguments, environment: environment,
            standardOutput: .appendingTo(path: "\(directory)/\(kind.rawValue).log"),
            standardError: .appendingTo(path: "\(directory)/\(kind.rawValue).log"))
    }

    /// Starts `kind` in this cluster (one the test replaced, or the gateway), its environment
    /// with `overrides`, and waits until it serves; `client` is for calls to it, closed by the caller.
    func start(
        _ kind: ServiceKind, environment overrides: [String: String] = [:]
    ) async throws -> (process: ChildProcess, client: RPCClient) {
        let process = try Self.spawn(kind, in: directory, environment: environment.merging(overrides) { _, new in new })
        started.add(process)
        let client = RPCClient(
            service: kind.rawValue, target: try RPCTarget(parsing: Self.socket(kind, in: directory)), logger: Self.logger)
        try await Self.waitUntilServing(client, kind, directory)
        return (process, client)
    }

    static func waitUntilServing(_ client: RPCClient, _ kind: ServiceKind, _ directory: String) async throws {
        let serving = try await eventually(timeout: .seconds(60)) {
            let answer = try? await client.unary(
                HealthService.check, HealthCheckRequest(), as: HealthCheckResponse.self, deadline: .init(after: .seconds(1)))
            return answer?.status == .serving
        }
        guard serving else {
            let log = (try? String(contentsOfFile: "\(directory)/\(kind.rawValue).log", encoding: .utf8)) ?? ""
            throw CoachClusterError(message: "\(kind) never served:\n\(log)")
        }
    }

    /// The base URL of the HTTP API of the gateway this cluster started (`http://127.0.0.1:PORT`),
    /// once it listens.
    func gatewayHTTPBase() async throws -> String {
        let file = "\(directory)/gateway.http"
        var address: String?
        _ = try await eventually(timeout: .seconds(30)) {
            address = (try? String(contentsOfFile: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            return address?.isEmpty == false
        }
        guard let address, !address.isEmpty else {
            throw CoachClusterError(message: "the gateway never wrote its HTTP address:\n\(log(of: .gateway))")
        }
        return "http://\(address)"
    }

    /// The graph over this cluster's services, its checkpointer, and a turn runner.
    func runner(policy: CoachGraph.Policy = .init(), historyLimit: Int = 20, foldAfter: Int = 100) throws -> CoachTurnRunner {
        CoachTurnRunner(
            graph: try CoachGraph.make(services: services, policy: policy), checkpointer: checkpointer,
            conversations: conversations, audit: AuditLog(client: database), historyLimit: historyLimit, foldAfter: foldAfter)
    }

    var checkpointer: PostgresCheckpointer { PostgresCheckpointer(client: database, cipher: cipher) }
    var conversations: ConversationStore { ConversationStore(client: database, cipher: cipher) }

    /// What a service wrote to its log, for failure messages.
    func log(of kind: ServiceKind) -> String {
        (try? String(contentsOfFile: "\(directory)/\(kind.rawValue).log", encoding: .utf8)) ?? ""
    }
}

struct CoachClusterError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// The processes a test started in its cluster.
final class StartedProcesses: Sendable {
    private let processes = Mutex<[ChildProcess]>([])

    func add(_ process: ChildProcess) { processes.withLock { $0.append(process) } }

    var all: [ChildProcess] { processes.withLock { $0 } }
}
