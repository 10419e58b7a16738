public import PlutusWire
public import RPCCore

/// `plutus.v1.Health/Check`, which every Plutus service serves.
public struct HealthService: Sendable {
    public static let check = RPCMethod(service: "plutus.v1.Health", method: "Check")

    private let status: @Sendable (_ service: String) -> ServingStatus

    /// - Parameter status: the status of a named service; the empty name asks about the whole server.
    public init(status: @escaping @Sendable (_ service: String) -> ServingStatus) {
        self.status = status
    }

    /// Adds the method to `router`.
    public func register(in router: inout RPCRouter) {
        let status = self.status
        router.register(Self.check) { (request: HealthCheckRequest, _) in
            HealthCheckResponse(status: status(request.service))
        }
    }
}
