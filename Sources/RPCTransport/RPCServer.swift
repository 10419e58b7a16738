import Foundation
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
    /// The address the server listens on (with the real port when bound to port 0).
    public let address: RPCAddress

    private init(channel: any Channel, address: RPCAddress) {
        self.channel = channel
        self.address = address
    }

    /// Binds `address` and starts accepting connections. A Unix socket is created owner-only (0600),
    /// replacing a stale socket file left by a crashed process; a TCP listener requires
    /// ``Configuration/clusterToken``.
    public static func bind(
        _ address: RPCAddress, router: RPCRouter, configuration: Configuration = .init(),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, logger: Logger
    ) async throws -> RPCServer {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(LengthPrefixedFrameDecoder(maximumFrameSize: configuration.maximumFrameSize)),
                        MessageToByteHandler(LengthPrefixedFrameEncoder()),
                        FrameMessageCodec(),
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
            return RPCServer(channel: channel, address: address)
        case .tcp(let host, let port):
            guard configuration.clusterToken?.isEmpty == false else {
                throw RPCAddressError(text: address.description, reason: "a TCP listener needs a cluster token")
            }
            let channel = try await bootstrap.bind(host: host, port: port).get()
            return RPCServer(channel: channel, address: .tcp(host: host, port: channel.localAddress?.port ?? port))
        }
    }

    /// Stops accepting connections.
    public func close() async throws {
        try await channel.close()
    }
}
