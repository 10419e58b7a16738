import Logging
import PlutusWire
import RPCCore
import RPCTransport

/// Asks a running service over its socket whether it serves, the way `plutus health` does.
enum HealthProbe {
    static let logger = Logger(label: "plutus.tests.health-probe")

    /// Whether the service at `address` answers `Health/Check` with SERVING within `deadline`.
    static func serves(_ address: RPCAddress, deadline: Duration = .seconds(2)) async -> Bool {
        guard let connection = try? await RPCClientConnection.connect(to: address, connectTimeout: deadline, logger: logger)
        else { return false }
        let response = try? await connection.unary(
            HealthService.check, HealthCheckRequest(), as: HealthCheckResponse.self, deadline: RPCDeadline(after: deadline))
        try? await connection.close()
        return response?.status == .serving
    }

    /// Whether it does so within `timeout`, asking every 100 ms: a service still starting, or
    /// still working through a queue of connections, is given the time.
    static func servesWithin(_ timeout: Duration, _ address: RPCAddress) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if await serves(address) { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
