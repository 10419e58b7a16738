import ArgumentParser
import NIOCore
import RPCTransport

/// The transports the benchmark runs over.
enum BenchTransport: String, CaseIterable, Sendable, ExpressibleByArgument {
    case unix, tcp

    var title: String {
        switch self {
        case .unix: "Unix socket"
        case .tcp: "TCP loopback (127.0.0.1)"
        }
    }

    /// TCP listeners require one; every RPC call then carries it as metadata.
    var clusterToken: String? {
        self == .tcp ? "plutus-bench-cluster-token" : nil
    }

    /// Where the server called `name` listens: a socket file in `directory`, or port 0 on loopback.
    func rpcAddress(_ name: String, in directory: String) -> RPCAddress {
        switch self {
        case .unix: .unix(path: "\(directory)/\(name).sock")
        case .tcp: .tcp(host: "127.0.0.1", port: 0)
        }
    }

    /// ``rpcAddress(_:in:)`` as NIO takes it.
    func socketAddress(_ name: String, in directory: String) throws -> SocketAddress {
        switch rpcAddress(name, in: directory) {
        case .unix(let path): try SocketAddress(unixDomainSocketPath: path)
        case .tcp(let host, let port): try SocketAddress(ipAddress: host, port: port)
        }
    }
}

/// The `--transport` choice.
enum TransportChoice: String, CaseIterable, ExpressibleByArgument {
    case unix, tcp, both

    var transports: [BenchTransport] {
        switch self {
        case .unix: [.unix]
        case .tcp: [.tcp]
        case .both: BenchTransport.allCases
        }
    }
}
