import ArgumentParser
import Foundation
import Logging
import PlutusCluster
import UnixSignals

/// `plutus up`: the whole cluster on this machine, one process per instance over Unix sockets,
/// supervised until Ctrl-C.
struct Up: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start every Plutus service locally over Unix sockets, keep them running, stop them on Ctrl-C.")

    @Option(
        help: "Replicas per service, such as financial=3,goal=2; the others run one.",
        transform: { try ReplicaPlan(parsing: $0) })
    var replicas = ReplicaPlan()

    @Option(help: "Where the sockets and cluster.json go (default: $PLUTUS_RUN_DIR, else .data/run).")
    var runDirectory = ProcessInfo.processInfo.environment["PLUTUS_RUN_DIR"] ?? ".data/run"

    @Option(help: "Where each instance's log goes (default: $PLUTUS_LOG_DIR, else .data/logs).")
    var logDirectory = ProcessInfo.processInfo.environment["PLUTUS_LOG_DIR"] ?? ".data/logs"

    @Option(help: "The directory holding the service executables (default: this executable's).")
    var binDirectory: String?

    @Option(help: "Seconds to wait for every service to serve before giving up.")
    var readyTimeout = 60

    @Option(help: "Seconds each service gets to drain on Ctrl-C before it is killed.")
    var stopGrace = 10

    @Option(help: "The gateway's HTTP port; replica n listens on port + n - 1, and 0 picks free ones (default: $PLUTUS_HTTP_PORT, else 8080).")
    var httpPort = Int(ProcessInfo.processInfo.environment["PLUTUS_HTTP_PORT"] ?? "") ?? 8080

    func validate() throws {
        guard (0...65_535).contains(httpPort) else { throw ValidationError("--http-port must be 0 to 65535") }
    }

    func run() async throws {
        let logger = Logger(label: "plutus.up")
        let paths = ClusterSupervisor.Paths(
            runDirectory: absolute(runDirectory), logDirectory: absolute(logDirectory),
            binDirectory: binDirectory.map(absolute) ?? Self.ownDirectory())
        try prepare(paths, logger: logger)
        let supervisor = try ClusterSupervisor(plan: replicas, paths: paths, httpPort: httpPort, logger: logger)
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)

        await withTaskGroup(of: Void.self) { group in
            group.addTask { await supervisor.run() }
            group.addTask { await waitUntilServing(supervisor, logger: logger) }
            group.addTask {
                for await signal in signals {
                    logger.info("\(signal): stopping the cluster")
                    break
                }
                await supervisor.stop(grace: .seconds(stopGrace))
            }
        }
        logger.info("cluster stopped")
    }

    /// Waits until every instance serves, then prints the table; after the timeout it prints
    /// the table anyway and says which to look at, and the cluster keeps running.
    private func waitUntilServing(_ supervisor: ClusterSupervisor, logger: Logger) async {
        let (rows, allServing) = await ClusterHealth.waitUntilServing(
            timeout: .seconds(readyTimeout), interval: .milliseconds(200), logger: logger
        ) { await supervisor.current }
        report(ClusterHealth.table(rows))
        if allServing {
            let processes = await supervisor.current.instances.count
            report("\ncluster up: \(processes) processes; logs in \(absolute(logDirectory)); Ctrl-C stops them")
        } else {
            logger.error("not every service was serving after \(readyTimeout) s; see the logs")
        }
    }

    /// Checks every service executable is there, makes the directories, and refuses to start
    /// over a cluster that is still running.
    private func prepare(_ paths: ClusterSupervisor.Paths, logger: Logger) throws {
        let missing = ServiceKind.allCases.map(\.executable).filter {
            !FileManager.default.isExecutableFile(atPath: "\(paths.binDirectory)/\($0)")
        }
        guard missing.isEmpty else {
            throw ValidationError(
                "\(paths.binDirectory) lacks \(missing.joined(separator: ", ")); build them (swift build) or pass --bin-directory")
        }
        for directory in [paths.runDirectory, paths.logDirectory] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        guard let previous = try? ClusterManifest.read(from: paths.runDirectory) else { return }
        if kill(previous.supervisorPID, 0) == 0, previous.supervisorPID != getpid() {
            throw ValidationError(
                "a cluster is already running from \(paths.runDirectory) (plutus up, pid \(previous.supervisorPID)); stop it first")
        }
        // Its supervisor died without stopping them: stop the instances it left behind.
        for pid in previous.instances.compactMap(\.pid) where Self.isPlutusService(pid) {
            logger.warning("stopping pid \(pid), left running by a previous plutus up")
            kill(pid, SIGTERM)
        }
    }

    private static func isPlutusService(_ pid: Int32) -> Bool {
        guard let commandLine = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
        return String(decoding: commandLine.prefix { $0 != 0 }, as: UTF8.self).contains("/plutus-")
    }

    /// Prints a line at once, unbuffered, so it shows even when output goes to a file.
    private func report(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    private static func ownDirectory() -> String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().path
    }
}
