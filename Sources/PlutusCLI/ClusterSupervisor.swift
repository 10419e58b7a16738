import Foundation
import Logging
import PlutusCluster
import ProcessSupport
import RPCCore
import RPCTransport

/// Runs every instance of the cluster as a child process and keeps it running: a child that
/// exits while the cluster is up is restarted after a jittered backoff that grows while it keeps
/// failing. The manifest in the run directory is rewritten with each new pid.
actor ClusterSupervisor {
    struct Paths: Sendable {
        let runDirectory: String
        let logDirectory: String
        let binDirectory: String
    }

    private let paths: Paths
    private let httpPort: Int
    private let logger: Logger
    private var manifest: ClusterManifest
    private var children: [String: ChildProcess] = [:]
    private var isStopping = false
    /// A child that ran this long before exiting is considered to have been healthy.
    private let stableAfter: Duration = .seconds(10)
    private let backoff = Backoff(initial: .milliseconds(200), maximum: .seconds(10))

    /// - Parameter httpPort: the first gateway's HTTP port (the n-th listens on `httpPort + n - 1`;
    ///   0 lets each pick a free port, written to `<run directory>/gateway-<n>.http`).
    init(plan: ReplicaPlan, paths: Paths, httpPort: Int = 8080, logger: Logger) throws {
        self.paths = paths
        self.httpPort = httpPort
        self.logger = logger
        var instances: [ClusterManifest.Instance] = []
        let order: [ServiceKind] = [
            .vector, .conversationAgent, .financialAgent, .goalAgent, .recommendationAgent, .context, .gateway,
        ]
        for kind in order {
            for replica in 1...plan.replicas(of: kind) {
                let name = "\(kind.rawValue)-\(replica)"
                let socket = "\(paths.runDirectory)/\(name).sock"
                let address = "unix://\(socket)"
                _ = try RPCAddress(parsing: address)  // rejects a socket path too long for the kernel
                instances.append(
                    ClusterManifest.Instance(
                        kind: kind, replica: replica, address: address, logFile: "\(paths.logDirectory)/\(name).log"))
            }
        }
        manifest = ClusterManifest(supervisorPID: getpid(), instances: instances)
    }

    /// The instances and where they listen.
    var current: ClusterManifest { manifest }

    /// Starts every instance and supervises them until ``stop(grace:)``. Services start in tiers —
    /// the vector store, the agents, the context engine, the gateway — each once the tier before
    /// serves (or `tierTimeout` passed), so a service's first calls find its upstreams listening.
    func run(tierTimeout: Duration = .seconds(15)) async {
        let tiers: [[ServiceKind]] = [
            [.vector], [.conversationAgent, .financialAgent, .goalAgent, .recommendationAgent], [.context], [.gateway],
        ]
        await withTaskGroup(of: Void.self) { group in
            for tier in tiers {
                let instances = manifest.instances.filter { tier.contains($0.kind) }
                for instance in instances {
                    group.addTask { await self.supervise(instance) }
                }
                await waitUntilServing(instances.map(\.name), timeout: tierTimeout)
            }
        }
    }

    private func waitUntilServing(_ names: [String], timeout: Duration) async {
        _ = await ClusterHealth.waitUntilServing(timeout: timeout, interval: .milliseconds(50), logger: logger) {
            await self.startedInstances(named: names)
        }
    }

    /// The instances named that have started; none once the cluster is stopping, which ends the wait.
    private func startedInstances(named names: [String]) -> ClusterManifest {
        let instances = isStopping ? [] : manifest.instances.filter { names.contains($0.name) }
        return ClusterManifest(supervisorPID: manifest.supervisorPID, instances: instances)
    }

    /// Stops every child (SIGTERM, then SIGKILL after `grace`) and removes the manifest and sockets.
    func stop(grace: Duration) async {
        isStopping = true
        let running = Array(children.values)
        await withTaskGroup(of: Void.self) { group in
            for child in running {
                group.addTask { await child.stop(grace: grace) }
            }
        }
        try? FileManager.default.removeItem(atPath: "\(paths.runDirectory)/\(ClusterManifest.fileName)")
        for instance in manifest.instances {
            if case .unix(let path)? = try? RPCAddress(parsing: instance.address) {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }

    private func supervise(_ instance: ClusterManifest.Instance) async {
        var failures = 0
        while !isStopping {
            let started = ContinuousClock.now
            do {
                let child = try spawn(instance)
                children[instance.name] = child
                record(pid: child.pid, of: instance)
                let termination = await child.termination()
                children[instance.name] = nil
                guard !isStopping else { return }
                failures = ContinuousClock.now - started > stableAfter ? 1 : failures + 1
                let delay = backoff.delay(afterFailures: failures)
                logger.warning(
                    "\(instance.name) \(termination); restarting it",
                    metadata: ["after": "\(delay)", "log": "\(instance.logFile)"])
                try? await Task.sleep(for: delay)
            } catch {
                failures += 1
                logger.error("could not start \(instance.name): \(error)")
                try? await Task.sleep(for: backoff.delay(afterFailures: failures))
            }
        }
    }

    private func spawn(_ instance: ClusterManifest.Instance) throws -> ChildProcess {
        var arguments = ["--listen", instance.address, "--instance", instance.name]
        for upstream in instance.kind.upstreams {
            arguments += ["--\(upstream.rawValue)", manifest.addresses(of: upstream)]
        }
        if instance.kind == .gateway {
            let port = httpPort == 0 ? 0 : httpPort + instance.replica - 1
            arguments += [
                "--http-port", "\(port)", "--http-address-file", "\(paths.runDirectory)/\(instance.name).http",
            ]
        }
        return try ChildProcess.spawn(
            "\(paths.binDirectory)/\(instance.kind.executable)", arguments,
            standardOutput: .appendingTo(path: instance.logFile), standardError: .appendingTo(path: instance.logFile),
            ownProcessGroup: true)
    }

    private func record(pid: Int32, of instance: ClusterManifest.Instance) {
        guard let index = manifest.instances.firstIndex(where: { $0.name == instance.name }) else { return }
        manifest.instances[index].pid = pid
        do {
            try manifest.write(to: paths.runDirectory)
        } catch {
            logger.error("could not write the cluster manifest: \(error)")
        }
    }
}
