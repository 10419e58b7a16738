import ArgumentParser
import NIOCore
import RPCTransport

/// The transports the benchmark runs over.
enum BenchTransport: String, CaseIterable, Sendable {
    case unix, tcp

    var title: String {
        switch self {
        case .unix: "Unix socket"
        case .tcp: "TCP loopback (127.0.0.1)"
        }
    }

    /// Where the floor and the RPC server listen: socket files in `directory`, or port 0 on loopback.
    func endpoints(in directory: String) throws -> Endpoints {
        switch self {
        case .unix:
            Endpoints(
                floor: try SocketAddress(unixDomainSocketPath: directory + "/floor.sock"),
                rpc: .unix(path: directory + "/rpc.sock"), clusterToken: nil)
        case .tcp:
            Endpoints(
                floor: try SocketAddress(ipAddress: "127.0.0.1", port: 0), rpc: .tcp(host: "127.0.0.1", port: 0),
                clusterToken: "plutus-bench-cluster-token")
        }
    }
}

/// The listening addresses of one transport's run.
struct Endpoints {
    let floor: SocketAddress
    let rpc: RPCAddress
    /// TCP listeners require one; every RPC call then carries it as metadata.
    let clusterToken: String?
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
