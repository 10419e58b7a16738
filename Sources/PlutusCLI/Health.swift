import ArgumentParser
import Foundation
import Logging
import PlutusCluster
import RPCTransport
import Postgres
import Redis

/// `plutus health`: asks every service of the local cluster and every dependency whether it
/// serves, prints a table, and exits non-zero if one does not. With `--local` or `--address` it
/// asks one service only: what a container's health check runs.
struct Health: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask every service (over RPC), PostgreSQL and Redis whether they serve; exit non-zero if one does not.")

    @Option(help: "The directory `plutus up` runs the cluster in (default: $PLUTUS_RUN_DIR, else .data/run).")
    var runDirectory = ProcessInfo.processInfo.environment["PLUTUS_RUN_DIR"] ?? ".data/run"

    @Option(help: "The cluster token, for services listening on TCP (default: $PLUTUS_CLUSTER_TOKEN).")
    var clusterToken: String?

    @Flag(inversion: .prefixedNo, help: "Also check PostgreSQL and Redis.")
    var dependencies = true

    @Option(help: "PostgreSQL URL.")
    var databaseURL = ProcessInfo.processInfo.environment["DATABASE_URL"] ?? "postgresql://plutus@127.0.0.1:25432/plutus"

    @Option(help: "Redis URL.")
    var redisURL = ProcessInfo.processInfo.environment["REDIS_URL"] ?? "redis://127.0.0.1:26379/0"

    @Flag(help: "Ask only the service this container runs: the one listening at $PLUTUS_LISTEN (a wildcard host is asked on loopback).")
    var local = false

    @Option(help: "Ask only the service at this address (unix:///path.sock or tcp://host:port).")
    var address: String?

    func validate() throws {
        if local, address != nil { throw ValidationError("pass --local or --address, not both") }
    }

    struct Row {
        let name: String
        let address: String
        let status: Result<String, any Error>
    }

    func run() async throws {
        let logger = Logger(label: "plutus.health")
        if let single = try singleAddress() {
            try await checkOne(single, logger: logger)
            return
        }
        var healthy = true
        do {
            let manifest = try ClusterManifest.read(from: runDirectory)
            let token = clusterToken ?? ProcessInfo.processInfo.environment["PLUTUS_CLUSTER_TOKEN"]
            let rows = await ClusterHealth.check(manifest, clusterToken: token, logger: logger)
            print(ClusterHealth.table(rows))
            healthy = rows.allSatisfy(\.isServing)
        } catch {
            print("cluster: \(error)")
            healthy = false
        }
        guard dependencies else {
            if !healthy { throw ExitCode.failure }
            return
        }
        let rows = [
            Row(name: "postgres", address: databaseURL, status: await checkPostgres(logger)),
            Row(name: "redis", address: redisURL, status: await checkRedis(logger)),
        ]
        print("")
        for row in rows {
            let (word, detail) =
                switch row.status {
                case .success(let detail): ("SERVING", detail)
                case .failure(let error): ("DOWN", "\(error)")
                }
            print(row.name.padded(to: 10), word.padded(to: 9), row.address, "-", detail)
        }
        if !healthy || rows.contains(where: { if case .failure = $0.status { true } else { false } }) {
            throw ExitCode.failure
        }
    }

    /// The one address `--local` or `--address` names, if either was given.
    private func singleAddress() throws -> RPCAddress? {
        let text: String
        if let address {
            text = address
        } else if local {
            guard let listen = ProcessInfo.processInfo.environment["PLUTUS_LISTEN"], !listen.isEmpty else {
                throw ValidationError("--local asks the service at $PLUTUS_LISTEN, and PLUTUS_LISTEN is not set")
            }
            text = listen
        } else {
            return nil
        }
        do {
            return try RPCAddress(parsing: text).onThisHost
        } catch {
            throw ValidationError("\(error)")
        }
    }

    /// Asks one service; prints its row and exits non-zero unless it serves.
    private func checkOne(_ address: RPCAddress, logger: Logger) async throws {
        var quiet = logger
        quiet.logLevel = .critical  // the row says what went wrong
        let row = await ClusterHealth.check(
            name: "service", address: "\(address)", pid: nil,
            clusterToken: clusterToken ?? ProcessInfo.processInfo.environment["PLUTUS_CLUSTER_TOKEN"], logger: quiet)
        print(ClusterHealth.table([row]))
        if !row.isServing { throw ExitCode.failure }
    }

    private func checkPostgres(_ logger: Logger) async -> Result<String, any Error> {
        let client: PostgresClient
        do {
            let configuration = try PostgresConfiguration(url: databaseURL, maximumConnections: 1)
            client = PostgresClient(configuration: configuration, logger: logger)
        } catch {
            return .failure(error)
        }
        let result = await Result {
            let version = try await client.query("SHOW server_version").first?.decode(at: 0, as: String.self)
            return "PostgreSQL \(version ?? "?")"
        }
        await client.shutdown()
        return result
    }

    private func checkRedis(_ logger: Logger) async -> Result<String, any Error> {
        let client: RedisClient
        do {
            client = try RedisClient(url: redisURL, logger: logger)
        } catch {
            return .failure(error)
        }
        let result = await Result { try await client.send(["PING"]).string ?? "?" }
        await client.shutdown()
        return result
    }
}
