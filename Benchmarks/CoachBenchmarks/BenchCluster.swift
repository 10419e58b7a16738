import CoachGraph
import Foundation
import Logging
import PlutusCluster
import PlutusWire
import ProcessSupport
import RPCCore
import RPCTransport

/// `plutus-context` and the four agents as processes on Unix sockets, started from the
/// executables beside this one (the same build), with a client of each.
struct BenchCluster {
    let processes: [ChildProcess]
    let clients: [RPCClient]
    let services: CoachServices

    static let kinds: [ServiceKind] = [.context, .conversationAgent, .financialAgent, .goalAgent, .recommendationAgent]

    static func start(environment: [String: String], logger: Logger) async throws -> BenchCluster {
        let directory = NSTemporaryDirectory() + "plutus-bench-coach-\(getpid())"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let products = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().path
        var processes: [ChildProcess] = []
        var clients: [RPCClient] = []
        for kind in kinds {
            let socket = "unix://\(directory)/\(kind.rawValue).sock"
            var arguments = ["--listen", socket, "--instance", kind.rawValue]
            if kind == .context { arguments += ["--vector", "unix://\(directory)/vector.sock"] }
            processes.append(
                try ChildProcess.spawn(
                    "\(products)/\(kind.executable)", arguments, environment: environment,
                    standardOutput: .appendingTo(path: "\(directory)/\(kind.rawValue).log"),
                    standardError: .appendingTo(path: "\(directory)/\(kind.rawValue).log")))
            clients.append(RPCClient(service: kind.rawValue, target: try RPCTarget(parsing: socket), logger: logger))
        }
        for (kind, client) in zip(kinds, clients) {
            try await waitUntilServing(client, kind)
        }
        return BenchCluster(
            processes: processes, clients: clients,
            services: CoachServices(
                context: clients[0], conversationAgent: clients[1], financialAgent: clients[2], goalAgent: clients[3],
                recommendationAgent: clients[4]))
    }

    private static func waitUntilServing(_ client: RPCClient, _ kind: ServiceKind) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let answer = try? await client.unary(
                HealthService.check, HealthCheckRequest(), as: HealthCheckResponse.self, deadline: .init(after: .seconds(1)))
            if answer?.status == .serving { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ValidationErrorText("\(kind) did not start serving within a minute")
    }

    func stop() async {
        for client in clients { await client.close() }
        for process in processes { _ = await process.stop(grace: .seconds(10)) }
    }
}

struct ValidationErrorText: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
