import Logging
import PlutusCluster
import PlutusWire
import RPCCore
import RPCTransport

/// Asks every instance in a manifest for its health over RPC, and renders the answers as a table.
enum ClusterHealth {
    struct Row: Sendable {
        let name: String
        let address: String
        let pid: Int32?
        let status: Result<ServingStatus, RPCError>
        let latency: Duration

        var isServing: Bool { (try? status.get()) == .serving }
    }

    /// Checks every instance at once, each with its own one-second deadline; then, through each
    /// gateway, whether the gateway has an admitted replica of every service it calls.
    static func check(_ manifest: ClusterManifest, clusterToken: String? = nil, logger: Logger) async -> [Row] {
        let probes = manifest.instances.map { ($0, "") }
            + manifest.instances.filter { $0.kind == .gateway }.flatMap { gateway in
                ServiceKind.gateway.upstreams.map { (gateway, $0.rpcService) }
            }
        return await withTaskGroup(of: (Int, Row).self) { group in
            for (index, (instance, service)) in probes.enumerated() {
                group.addTask {
                    (index, await check(instance, service: service, clusterToken: clusterToken, logger: logger))
                }
            }
            var rows: [(Int, Row)] = []
            for await row in group { rows.append(row) }
            return rows.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// Checks `manifest()` every `interval` until every row answers SERVING or `timeout` passes;
    /// returns the last rows and whether they all served. `manifest()` is asked afresh each time
    /// (pids change as instances start); a manifest with no instances has nothing to wait for.
    static func waitUntilServing(
        timeout: Duration, interval: Duration, logger: Logger, manifest: @Sendable () async -> ClusterManifest
    ) async -> (rows: [Row], allServing: Bool) {
        var quiet = logger
        quiet.logLevel = .critical  // refused connections are expected while instances start
        let deadline = ContinuousClock.now + timeout
        while true {
            let rows = await check(await manifest(), logger: quiet)
            let allServing = rows.allSatisfy(\.isServing)
            if allServing || ContinuousClock.now >= deadline || Task.isCancelled { return (rows, allServing) }
            try? await Task.sleep(for: interval)
        }
    }

    /// One instance's answer about `service` (`""`: the process itself).
    static func check(
        _ instance: ClusterManifest.Instance, service: String, clusterToken: String?, logger: Logger
    ) async -> Row {
        let upstream = ServiceKind.allCases.first { $0.rpcService == service }
        return await check(
            name: upstream.map { "\(instance.name) → \($0.rawValue)" } ?? instance.name, address: instance.address,
            pid: instance.pid, service: service, clusterToken: clusterToken, logger: logger)
    }

    /// The answer about `service` (`""`: the process itself) of the service at `address`, named
    /// `name` in the row.
    static func check(
        name: String, address text: String, pid: Int32?, service: String = "", clusterToken: String?, logger: Logger
    ) async -> Row {
        let started = ContinuousClock.now
        let status: Result<ServingStatus, RPCError>
        do {
            let address = try RPCAddress(parsing: text)
            let connection = try await RPCClientConnection.connect(
                to: address, clusterToken: clusterToken, connectTimeout: .seconds(1), logger: logger)
            let response = await Result {
                try await connection.unary(
                    HealthService.check, HealthCheckRequest(service: service), as: HealthCheckResponse.self,
                    deadline: RPCDeadline(after: .seconds(1)))
            }
            try? await connection.close()
            status = .success(try response.get().status)
        } catch let error as RPCError {
            status = .failure(error)
        } catch {
            status = .failure(RPCError(code: .unavailable, message: "\(error)"))
        }
        return Row(name: name, address: text, pid: pid, status: status, latency: ContinuousClock.now - started)
    }

    /// The rows as aligned text, one instance a line, under a header.
    static func table(_ rows: [Row]) -> String {
        let header = ["SERVICE", "STATUS", "PID", "LATENCY", "ADDRESS"]
        let lines = rows.map { row -> [String] in
            let status =
                switch row.status {
                case .success(.serving): "SERVING"
                case .success(.notServing): "NOT_SERVING"
                case .success(.serviceUnknown): "SERVICE_UNKNOWN"
                case .success: "UNKNOWN"
                case .failure(let error): "DOWN (\(error.code))"
                }
            let milliseconds = Double(row.latency.components.attoseconds) / 1e15 + Double(row.latency.components.seconds) * 1e3
            let latency = row.isServing ? "\((milliseconds * 10).rounded() / 10) ms" : "-"
            return [row.name, status, row.pid.map(String.init) ?? "-", latency, row.address]
        }
        let widths = header.indices.map { column in ([header] + lines).map { $0[column].count }.max() ?? 0 }
        return ([header] + lines).map { cells in
            cells.enumerated().map { column, cell in
                column == cells.count - 1 ? cell : cell.padded(to: widths[column])
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

extension String {
    /// The string with spaces added up to `width` characters.
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

extension Result where Failure == any Error {
    /// The outcome of an async throwing body.
    init(_ body: () async throws -> Success) async {
        do {
            self = .success(try await body())
        } catch {
            self = .failure(error)
        }
    }
}
