/// Where an RPC service listens: `unix:///path/to.sock` or `tcp://host:port`.
public enum RPCAddress: Hashable, Sendable, CustomStringConvertible {
    case unix(path: String)
    case tcp(host: String, port: Int)

    /// Parses an address as configuration gives it.
    /// - Throws: ``RPCAddressError`` naming what is wrong.
    public init(parsing text: String) throws {
        if text.hasPrefix("unix://") {
            let path = String(text.dropFirst("unix://".count))
            guard path.hasPrefix("/"), path.utf8.count < 104 else {
                throw RPCAddressError(text: text, reason: "a unix socket path must be absolute and under 104 bytes")
            }
            self = .unix(path: path)
        } else if text.hasPrefix("tcp://") {
            let hostAndPort = text.dropFirst("tcp://".count)
            guard let colon = hostAndPort.lastIndex(of: ":"), let port = Int(hostAndPort[hostAndPort.index(after: colon)...]),
                (0...65535).contains(port), colon != hostAndPort.startIndex
            else {
                throw RPCAddressError(text: text, reason: "expected tcp://host:port with a port from 0 to 65535")
            }
            self = .tcp(host: String(hostAndPort[..<colon]), port: port)
        } else {
            throw RPCAddressError(text: text, reason: "an address starts with unix:// or tcp://")
        }
    }

    /// Where a client on the same host reaches a listener bound to this address: a wildcard
    /// host (`0.0.0.0`, `::`) becomes loopback; anything else is itself.
    public var onThisHost: RPCAddress {
        switch self {
        case .tcp(host: "0.0.0.0", let port): .tcp(host: "127.0.0.1", port: port)
        case .tcp(host: "::", let port), .tcp(host: "[::]", let port): .tcp(host: "::1", port: port)
        case .tcp, .unix: self
        }
    }

    public var description: String {
        switch self {
        case .unix(let path): "unix://\(path)"
        case .tcp(let host, let port): "tcp://\(host):\(port)"
        }
    }
}

/// An address that could not be understood.
public struct RPCAddressError: Error, Hashable, CustomStringConvertible {
    public let text: String
    public let reason: String
    public var description: String { "invalid address '\(text)': \(reason)" }
}
