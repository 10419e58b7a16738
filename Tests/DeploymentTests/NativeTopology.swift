import Foundation
import Logging
import PlutusTestSupport
import Postgres
import ProcessSupport
import Redis

#if canImport(Glibc)
import Glibc
#endif

/// The compose topology run natively: every Plutus service of `docker-compose.yml` started as its
/// command from this build, with its compose environment, each replica a process of its own;
/// PostgreSQL and Redis are servers our scripts start. Container hostnames are mapped onto
/// loopback ports:
///
/// - `dns://financial-agent:7003` becomes the list of every replica's `tcp://127.0.0.1:PORT`;
/// - `name:port` inside any other value (`@postgres:5432/`, `redis://redis:6379/0`) becomes the
///   first replica's loopback address; a listener's `tcp://0.0.0.0:7003` its own;
/// - a published port's container port (the gateway's `8080`) becomes a free local port, and the
///   wildcard host `0.0.0.0` becomes `127.0.0.1`;
/// - a volume's mount point becomes a folder of the run's.
///
/// Services start in `depends_on` order, each once its dependencies meet their condition
/// (`service_healthy`: the compose health check's own command passes for every replica;
/// `service_completed_successfully`: the one-shot exited 0).
struct NativeTopology {
    static let logger = Logger(label: "plutus.tests.native-compose")
    /// The servers that stand in for the `postgres` and `redis` images: private to this test.
    static let postgresPort = 25441
    static let redisPort = 26392

    let project: ComposeProject
    let directory: String
    /// Loopback `host:port` per service, one per replica (the infrastructure's included).
    private(set) var endpoints: [String: [String]] = [:]
    /// The free port standing in for each published container port, per service.
    private(set) var published: [String: [Int: Int]] = [:]
    private(set) var processes: [(service: String, replica: Int, process: ChildProcess)] = []
    private var finished: [String: ChildProcess.Termination] = [:]

    init(project: ComposeProject, directory: String) throws {
        self.project = project
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory + "/logs", withIntermediateDirectories: true)
        var ports = try LoopbackPorts(from: 27_100)
        for (name, service) in project.services.sorted(by: { $0.key < $1.key }) {
            switch name {
            case "postgres": endpoints[name] = ["127.0.0.1:\(Self.postgresPort)"]
            case "redis": endpoints[name] = ["127.0.0.1:\(Self.redisPort)"]
            default:
                if service.listenPort != nil {
                    endpoints[name] = try (0..<service.replicas).map { _ in "127.0.0.1:\(try ports.next())" }
                }
                for port in service.ports ?? [] { published[name, default: [:]][port.target] = try ports.next() }
            }
        }
    }

    /// The services in an order where each comes after everything it depends on.
    var startOrder: [String] {
        var order: [String] = []
        func visit(_ name: String) {
            guard !order.contains(name) else { return }
            for dependency in (project.services[name]?.dependsOn ?? [:]).keys.sorted() { visit(dependency) }
            order.append(name)
        }
        for name in project.services.keys.sorted() { visit(name) }
        return order
    }

    /// Starts every service in order, waiting for each one's dependencies first.
    mutating func start(timeout: Duration = .seconds(90)) async throws {
        for name in startOrder {
            let service = try require(name)
            for (dependency, condition) in (service.dependsOn ?? [:]).sorted(by: { $0.key < $1.key }) {
                try await wait(for: dependency, condition.condition, timeout: timeout)
            }
            switch name {
            case "postgres": try await startPostgres()
            case "redis": try await startRedis()
            default: try launch(name, service)
            }
        }
    }

    /// The environment replica `replica` of `name` runs with: its compose environment mapped onto
    /// loopback, `PATH` finding this build's executables first, and a home of its own. Nothing
    /// else of the test's environment (a container inherits nothing either).
    func environment(of name: String, replica: Int) throws -> [String: String] {
        let service = try require(name)
        var environment = [
            "PATH": "\(Repository.productsDirectory):/usr/local/bin:/usr/bin:/bin",
            "HOME": "\(directory)/home/\(name)-\(replica)",
        ]
        for (variable, value) in service.resolvedEnvironment {
            environment[variable] = map(value, of: name, replica: replica, service: service)
        }
        return environment
    }

    /// The HTTP base URL standing in for `service`'s published `containerPort`.
    func url(of service: String, port containerPort: Int) -> String? {
        published[service]?[containerPort].map { "http://127.0.0.1:\($0)" }
    }

    /// Whether every replica of `name` passes the compose health check (its own command).
    func isHealthy(_ name: String) throws -> Bool {
        let service = try require(name)
        guard let test = service.healthcheck?.test, test.first == "CMD", test.count > 1 else {
            throw TopologyError("\(name) has no health check command (CMD) to run")
        }
        return try (0..<service.replicas).allSatisfy { replica in
            let executable = Repository.product(test[1])
            guard FileManager.default.isExecutableFile(atPath: executable) else {
                throw TopologyError("\(name)'s health check runs \(test[1]), which the build lacks")
            }
            let check = try ScriptRunner.outcome(executable, Array(test.dropFirst(2)), environment: try environment(of: name, replica: replica))
            return check.status == 0
        }
    }

    /// What `name`'s first replica printed.
    func output(of name: String) -> String {
        (try? String(contentsOfFile: logFile(name, 0), encoding: .utf8)) ?? ""
    }

    /// Every process's output, for a failure's message.
    func logs() -> String {
        processes.map { "== \($0.service)-\($0.replica)\n" + ((try? String(contentsOfFile: logFile($0.service, $0.replica), encoding: .utf8)) ?? "") }
            .joined(separator: "\n")
    }

    /// The processes still running, by service.
    func running(_ name: String) -> [ChildProcess] {
        processes.filter { $0.service == name && kill($0.process.pid, 0) == 0 }.map(\.process)
    }

    /// SIGTERM to every process, the last started first, then the servers stopped.
    func stop() async {
        for entry in processes.reversed() { _ = await entry.process.stop(grace: .seconds(10)) }
        _ = try? await ScriptRunner.run("deploy/local/redis.sh", ["stop", "--name", "compose", "--port", "\(Self.redisPort)"])
        _ = try? await ScriptRunner.run("deploy/local/postgres.sh", ["stop", "--name", "compose", "--port", "\(Self.postgresPort)"])
    }

    // MARK: - Starting

    private mutating func launch(_ name: String, _ service: ComposeProject.Service) throws {
        guard let command = service.command, let executable = command.first else {
            throw TopologyError("\(name) has no command")
        }
        let path = Repository.product(executable)
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw TopologyError("\(name) runs \(executable), which this build does not have")
        }
        for replica in 0..<service.replicas {
            let environment = try environment(of: name, replica: replica)
            if let home = environment["HOME"] { try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true) }
            let process = try ChildProcess.spawn(
                path, Array(command.dropFirst()), environment: environment,
                standardOutput: .appendingTo(path: logFile(name, replica)), standardError: .appendingTo(path: logFile(name, replica)))
            processes.append((name, replica, process))
        }
    }

    /// Our own PostgreSQL for the `postgres` service, with an empty `plutus` database.
    private func startPostgres() async throws {
        try await ScriptRunner.run("deploy/local/postgres.sh", ["start", "--name", "compose", "--port", "\(Self.postgresPort)"])
        let admin = PostgresClient(
            configuration: try .init(url: "postgresql://plutus@127.0.0.1:\(Self.postgresPort)/postgres", maximumConnections: 1),
            logger: Self.logger)
        try await withCleanUp {
            try await admin.query(PostgresQuery(sql: "DROP DATABASE IF EXISTS plutus WITH (FORCE)"))
            try await admin.query(PostgresQuery(sql: "CREATE DATABASE plutus OWNER plutus"))
        } cleanUp: {
            await admin.shutdown()
        }
    }

    /// Our own Redis for the `redis` service, emptied.
    private func startRedis() async throws {
        try await ScriptRunner.run("deploy/local/redis.sh", ["start", "--name", "compose", "--port", "\(Self.redisPort)"])
        let redis = try RedisClient(url: "redis://127.0.0.1:\(Self.redisPort)/0", logger: Self.logger)
        try await withCleanUp {
            _ = try await redis.send(["FLUSHALL"])
        } cleanUp: {
            await redis.shutdown()
        }
    }

    private mutating func wait(for name: String, _ condition: String, timeout: Duration) async throws {
        if name == "postgres" || name == "redis" { return }  // our scripts return once they serve
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            switch condition {
            case "service_completed_successfully":
                let termination = try await termination(of: name, within: deadline - ContinuousClock.now)
                guard termination == .exited(0) else { throw TopologyError("\(name) \(termination):\n\(output(of: name))") }
                return
            case "service_healthy":
                if try isHealthy(name) { return }
                if let dead = processes.first(where: { $0.service == name && kill($0.process.pid, 0) != 0 }) {
                    throw TopologyError("\(name)-\(dead.replica) exited before it was healthy:\n\(logs())")
                }
            case "service_started":
                return
            default:
                throw TopologyError("unknown depends_on condition \(condition)")
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw TopologyError("\(name) did not reach \(condition) in time:\n\(logs())")
    }

    /// How the one-shot `name` ended (remembered, for the next service that waits on it).
    private mutating func termination(of name: String, within timeout: Duration) async throws -> ChildProcess.Termination {
        if let known = finished[name] { return known }
        guard let process = processes.first(where: { $0.service == name })?.process else {
            throw TopologyError("\(name) was never started")
        }
        let ended = await withTaskGroup(of: ChildProcess.Termination?.self) { group in
            group.addTask { await process.termination() }
            group.addTask {
                guard (try? await Task.sleep(for: timeout)) != nil else { return nil }
                process.forceKill()  // so the other task, waiting for it, ends too
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let ended else { throw TopologyError("\(name) did not finish in time:\n\(output(of: name))") }
        finished[name] = ended
        return ended
    }

    // MARK: - Mapping

    private func map(_ value: String, of name: String, replica: Int, service: ComposeProject.Service) -> String {
        if value.hasPrefix("dns://") {
            let target = value.dropFirst("dns://".count)
            if let (host, _) = split(target), let replicas = endpoints[host] {
                return replicas.map { "tcp://\($0)" }.joined(separator: ",")
            }
        }
        if let port = service.listenPort, value == "tcp://0.0.0.0:\(port)", let own = endpoints[name]?[replica] {
            return "tcp://\(own)"
        }
        if value == "0.0.0.0" { return "127.0.0.1" }
        if let port = Int(value), let local = published[name]?[port] { return "\(local)" }
        var mapped = value
        for (host, replicas) in endpoints {
            guard let first = replicas.first, let port = containerPort(of: host) else { continue }
            for prefix in ["//", "@"] {
                mapped = mapped.replacingOccurrences(of: "\(prefix)\(host):\(port)", with: "\(prefix)\(first)")
            }
        }
        for mount in service.volumes ?? [] where mapped.hasPrefix(mount.target) {
            mapped = "\(directory)/volumes/\(mount.source ?? name)" + mapped.dropFirst(mount.target.count)
        }
        return mapped
    }

    /// The port `host` listens on inside its container.
    private func containerPort(of host: String) -> Int? {
        switch host {
        case "postgres": 5432
        case "redis": 6379
        default: project.services[host]?.listenPort
        }
    }

    private func split(_ hostAndPort: Substring) -> (String, Int)? {
        guard let colon = hostAndPort.lastIndex(of: ":"), let port = Int(hostAndPort[hostAndPort.index(after: colon)...]) else {
            return nil
        }
        return (String(hostAndPort[..<colon]), port)
    }

    private func require(_ name: String) throws -> ComposeProject.Service {
        guard let service = project.services[name] else { throw TopologyError("no service \(name)") }
        return service
    }

    private func logFile(_ name: String, _ replica: Int) -> String { "\(directory)/logs/\(name)-\(replica).log" }
}

struct TopologyError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Free TCP ports on loopback, from a block below Linux's ephemeral range (32768–60999), where no
/// outgoing connection takes one between our check and the service's bind.
struct LoopbackPorts {
    private var candidate: Int

    init(from first: Int) throws {
        candidate = first
    }

    /// The next port at or after the last one given that a listener can bind now.
    mutating func next() throws -> Int {
        while candidate < 32_768 {
            defer { candidate += 1 }
            if Self.canBind(candidate) { return candidate }
        }
        throw TopologyError("no free loopback port below 32768")
    }

    private static func canBind(_ port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}
