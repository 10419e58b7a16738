import Foundation
import Synchronization
public import Logging
public import NIOCore
public import NIOPosix

/// A listening RPC server: every accepted connection gets the frame codec and a
/// ``RPCServerConnectionHandler`` over the shared ``RPCRouter``.
public final class RPCServer: Sendable {
    /// Limits applied to every connection.
    public struct Configuration: Sendable {
        public var maximumFrameSize: Int
        public var maximumConcurrentCallsPerConnection: Int
        /// The shared secret every call must carry; required on TCP listeners, which other hosts can reach.
        public var clusterToken: String?

        public init(
            maximumFrameSize: Int = LengthPrefixedFrameDecoder.defaultMaximumFrameSize,
            maximumConcurrentCallsPerConnection: Int = 128,
            clusterToken: String? = nil
        ) {
            self.maximumFrameSize = maximumFrameSize
            self.maximumConcurrentCallsPerConnection = maximumConcurrentCallsPerConnection
            self.clusterToken = clusterToken
        }
    }

    private let channel: any Channel
    private let connections: ConnectionRegistry
    /// The address the server listens on (with the real port when bound to port 0).
    public let address: RPCAddress

    private init(channel: any Channel, connections: ConnectionRegistry, address: RPCAddress) {
        self.channel = channel
        self.connections = connections
        self.address = address
    }

    /// The accepted connections still open, so a graceful shutdown can drain them.
    final class ConnectionRegistry: Sendable {
        private let open = Mutex<[ObjectIdentifier: any Channel]>([:])

        func add(_ channel: any Channel) {
            let key = ObjectIdentifier(channel)
            open.withLock { $0[key] = channel }
            channel.closeFuture.whenComplete { [self] _ in _ = open.withLock { $0.removeValue(forKey: key) } }
        }

        var all: [any Channel] { open.withLock { Array($0.values) } }
    }

    /// Binds `address` and starts accepting connections. A Unix socket is created owner-only (0600),
    /// replacing a stale socket file left by a crashed process; a TCP listener requires
    /// ``Configuration/clusterToken``.
    public static func bind(
        _ address: RPCAddress, router: RPCRouter, configuration: Configuration = .init(),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, logger: Logger
    ) async throws -> RPCServer {
        let connections = ConnectionRegistry()
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                connections.add(channel)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(FrameDecoder(maximumFrameSize: configuration.maximumFrameSize)),
                        MessageToByteHandler(FrameEncoder()),
                        RPCServerConnectionHandler(
                            router: router, maximumConcurrentCalls: configuration.maximumConcurrentCallsPerConnection,
                            clusterToken: configuration.clusterToken, logger: logger),
                    ])
                }
            }
        switch address {
        case .unix(let path):
            let channel = try await bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true).get()
            guard chmod(path, 0o600) == 0 else {
                try? await channel.close()
                throw RPCAddressError(text: address.description, reason: "could not make the socket owner-only")
            }
            return RPCServer(channel: channel, connections: connections, address: address)
        case .tcp(let host, let port):
            guard configuration.clusterToken?.isEmpty == false else {
                throw RPCAddressError(text: address.description, reason: "a TCP listener needs a cluster token")
            }
            let channel = try await bootstrap.bind(host: host, port: port).get()
            return RPCServer(
                channel: channel, connections: connections,
                address: .tcp(host: host, port: channel.localAddress?.port ?? port))
        }
    }

    /// Stops accepting connections; open connections keep serving.
    public func close() async throws {
        try await channel.close()
    }

    /// Stops accepting connections and calls, lets the calls in flight finish, and returns once
    /// every connection has closed. New calls on open connections are answered `UNAVAILABLE`.
    /// - Parameter timeout: how long calls in flight may take; when it passes, the connections
    ///   still open are closed and their calls cut off. `nil` waits as long as they take.
    public func shutdownGracefully(timeout: Duration? = nil) async throws {
        try? await channel.close()
        let open = connections.all
        for connection in open {
            connection.pipeline.fireUserInboundEventTriggered(RPCServerDrain())
        }
        let forceClose = timeout.map { timeout in
            channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
                for connection in open { connection.close(promise: nil) }
            }
        }
        for connection in open { try? await connection.closeFuture.get() }
        forceClose?.cancel()
    }
}
