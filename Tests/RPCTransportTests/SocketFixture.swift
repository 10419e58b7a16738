import Foundation
import Logging
import PlutusTestSupport
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
    try await withCleanUp {
        let client = try await RPCClientConnection.connect(to: server.address, clusterToken: clientToken, logger: logger)
        try await withCleanUp { try await body(server, client) } cleanUp: { try? await client.close() }
    } cleanUp: {
        try? await server.close()
    }
}
