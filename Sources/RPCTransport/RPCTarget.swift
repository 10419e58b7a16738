import Foundation

/// Where a client finds a service's replicas: fixed addresses, or a DNS name whose A records
/// are the replicas (re-resolved as they come and go, the way docker compose scales a service).
public enum RPCTarget: Hashable, Sendable, CustomStringConvertible {
    /// One or more `unix://` or `tcp://` addresses.
    case addresses([RPCAddress])
    /// `dns://name:port`: every address `name` resolves to, on `port`.
    case dns(host: String, port: Int)

    /// Parses `dns://name:port`, or a comma-separated list of `unix://` and `tcp://` addresses.
    /// - Throws: ``RPCAddressError`` naming what is wrong.
    public init(parsing text: String) throws {
        if text.hasPrefix("dns://") {
            let hostAndPort = text.dropFirst("dns://".count)
            guard let colon = hostAndPort.lastIndex(of: ":"), colon != hostAndPort.startIndex,
                let port = Int(hostAndPort[hostAndPort.index(after: colon)...]), (1...65535).contains(port)
            else {
                throw RPCAddressError(text: text, reason: "expected dns://name:port with a port from 1 to 65535")
            }
            self = .dns(host: String(hostAndPort[..<colon]), port: port)
            return
        }
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else {
            throw RPCAddressError(text: text, reason: "no address given (unix://, tcp:// or dns://)")
        }
        let addresses = try parts.map { try RPCAddress(parsing: $0) }
        guard Set(addresses).count == addresses.count else {
            throw RPCAddressError(text: text, reason: "an address is listed twice")
        }
        self = .addresses(addresses)
    }

    public var description: String {
        switch self {
        case .addresses(let addresses): addresses.map(\.description).joined(separator: ",")
        case .dns(let host, let port): "dns://\(host):\(port)"
        }
    }
}
