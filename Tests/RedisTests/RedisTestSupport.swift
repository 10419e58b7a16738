import Foundation
import Logging
import PlutusTestSupport
import Redis

/// Clients against the checkout's Redis, unique key prefixes, and the restart-test server.
enum RedisTestSupport {
    static let logger: Logger = {
        var logger = Logger(label: "plutus.redis-tests")
        logger.logLevel = .warning
        return logger
    }()

    /// The settings tests change; `nil` keeps the URL's or the default value.
    struct Options {
        var url: String? = nil
        var poolSize: Int? = nil
        var commandTimeout: Duration? = nil
        var acquireTimeout: Duration? = nil
        var database: Int? = nil
        var password: String? = nil
    }

    /// The configuration of the checkout's Redis (`deploy/local/services.sh up`), or of `options.url`.
    static func configuration(_ options: Options = Options()) throws -> RedisConfiguration {
        var configuration = try RedisConfiguration(url: options.url ?? LocalServices.redisURL())
        if let poolSize = options.poolSize { configuration.poolSize = poolSize }
        if let commandTimeout = options.commandTimeout { configuration.commandTimeout = commandTimeout }
        if let acquireTimeout = options.acquireTimeout { configuration.acquireTimeout = acquireTimeout }
        if let database = options.database { configuration.database = database }
        if let password = options.password { configuration.password = password }
        return configuration
    }

    /// Runs `body` with a fresh client and a key prefix no other test uses; deletes the prefix's keys after.
    static func withClient<Result>(
        _ options: Options = Options(),
        _ body: (RedisClient, String) async throws -> Result
    ) async throws -> Result {
        let client = RedisClient(configuration: try configuration(options), logger: logger)
        let prefix = "plutus-test:\(UUID().uuidString.prefix(12)):"
        return try await withCleanUp { try await body(client, prefix) } cleanUp: { await cleanUp(client, prefix) }
    }

    private static func cleanUp(_ client: RedisClient, _ prefix: String) async {
        if let keys = try? await client.send(["KEYS", "\(prefix)*"]).array?.compactMap(\.string), !keys.isEmpty {
            _ = try? await client.del(keys)
        }
        await client.shutdown()
    }

    /// Runs `deploy/local/redis.sh` on a thread of its own, so the cooperative pool never blocks on it.
    @discardableResult
    static func redisScript(_ arguments: [String]) async throws -> String {
        try await ScriptRunner.run("deploy/local/redis.sh", arguments)
    }
}
