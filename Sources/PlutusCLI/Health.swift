import ArgumentParser
import Foundation
import Logging
import Postgres
import Redis

/// `plutus health`: asks every dependency whether it serves, prints a table, and fails if one does not.
struct Health: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that PostgreSQL and Redis answer; exit non-zero if one does not.")

    @Option(help: "PostgreSQL URL.")
    var databaseURL = ProcessInfo.processInfo.environment["DATABASE_URL"] ?? "postgresql://plutus@127.0.0.1:55432/plutus"

    @Option(help: "Redis URL.")
    var redisURL = ProcessInfo.processInfo.environment["REDIS_URL"] ?? "redis://127.0.0.1:56379/0"

    struct Row {
        let name: String
        let address: String
        let status: Result<String, any Error>
    }

    func run() async throws {
        let logger = Logger(label: "plutus.health")
        let rows = [
            Row(name: "postgres", address: databaseURL, status: await checkPostgres(logger)),
            Row(name: "redis", address: redisURL, status: await checkRedis(logger)),
        ]
        for row in rows {
            let (word, detail) =
                switch row.status {
                case .success(let detail): ("SERVING", detail)
                case .failure(let error): ("DOWN", "\(error)")
                }
            print(row.name.padded(to: 10), word.padded(to: 9), row.address, "-", detail)
        }
        if rows.contains(where: { if case .failure = $0.status { true } else { false } }) {
            throw ExitCode.failure
        }
    }

    private func checkPostgres(_ logger: Logger) async -> Result<String, any Error> {
        let client: PostgresClient
        do {
            let configuration = try PostgresConfiguration(url: databaseURL, maximumConnections: 1)
            client = PostgresClient(configuration: configuration, logger: logger)
        } catch {
            return .failure(error)
        }
        let result = await outcome {
            let version = try await client.query("SHOW server_version").first?.decode(at: 0, as: String.self)
            return "PostgreSQL \(version ?? "?")"
        }
        await client.shutdown()
        return result
    }

    private func checkRedis(_ logger: Logger) async -> Result<String, any Error> {
        let client: RedisClient
        do {
            client = try RedisClient(url: redisURL, logger: logger)
        } catch {
            return .failure(error)
        }
        let result = await outcome { try await client.send(["PING"]).string ?? "?" }
        await client.shutdown()
        return result
    }

    private func outcome(_ body: () async throws -> String) async -> Result<String, any Error> {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }
}

extension String {
    fileprivate func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
