import Foundation
import Logging
import RPCTransport

/// A Unix socket path of its own in the temporary directory.
func temporarySocketPath(_ name: String) -> String {
    NSTemporaryDirectory() + "plutus-\(name)-\(UUID().uuidString.prefix(8)).sock"
}

/// ``temporarySocketPath(_:)`` as an address.
func temporarySocket(_ name: String) -> RPCAddress { .unix(path: temporarySocketPath(name)) }

/// `router` served at `address` and a client connected to it, both closed however `body` ends.
func withServerAndClient(
    _ address: RPCAddress, router: RPCRouter, serverToken: String? = nil, clientToken: String? = nil,
    logger: Logger, _ body: (RPCServer, RPCClientConnection) async throws -> Void
) async throws {
    let server = try await RPCServer.bind(
        address, router: router, configuration: .init(clusterToken: serverToken), logger: logger)
    let client: RPCClientConnection
    do {
        client = try await RPCClientConnection.connect(to: server.address, clusterToken: clientToken, logger: logger)
    } catch {
        try? await server.close()
        throw error
    }
    do {
        try await body(server, client)
    } catch {
        try? await client.close()
        try? await server.close()
        throw error
    }
    try await client.close()
    try await server.close()
}
