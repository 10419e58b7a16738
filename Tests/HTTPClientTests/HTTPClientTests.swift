import Foundation
import HTTPClient
import Logging
import PlutusTestSupport
import Testing

/// Every HTTPClient test, run one at a time: some measure the process's thread count and
/// timing, which tests running beside them would disturb. Nested suites live in the other files.
@Suite(.serialized)
struct HTTPClientTests {}

/// Runs `body` with a fresh client and shuts it down afterwards.
func withClient<T>(
    _ configuration: HTTPClient.Configuration = HTTPClient.Configuration(proxy: .none),
    _ body: (HTTPClient) async throws -> T
) async throws -> T {
    let client = try HTTPClient(configuration: configuration, logger: Logger(label: "plutus.http.test"))
    return try await withCleanUp { try await body(client) } cleanUp: { await client.shutdown() }
}

/// The error `body` throws, or `nil`.
func error(of body: () async throws -> some Any) async -> (any Error)? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}

/// The `HTTPClientError` code `body` throws, or `nil`.
func errorCode(of body: () async throws -> some Any) async -> HTTPClientError.Code? {
    (await error(of: body) as? HTTPClientError)?.code
}

/// What `/echo` saw.
struct Echo: Decodable {
    var method: String
    var target: String
    var headers: [[String]]
    var body: String
    var proxied: Bool

    init(_ response: HTTPResponse) throws {
        self = try JSONDecoder().decode(Echo.self, from: Data(response.body))
    }

    func header(_ name: String) -> String? {
        headers.first { $0[0].lowercased() == name.lowercased() }?[1]
    }
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// The process's current thread count, from `/proc/self/status`.
/// The process's threads named `name` (from `/proc/self/task/*/comm`): unlike the process-wide
/// count, other test suites running in parallel cannot change it.
func threadCount(named name: String) -> Int {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
    return tasks.filter { task in
        let comm = try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8)
        return comm?.trimmingCharacters(in: .whitespacesAndNewlines) == name
    }.count
}

/// The libcurl loop threads alive in this process: one per running ``HTTPClient``.
func curlThreadCount() -> Int { threadCount(named: "plutus-curl") }

func processThreadCount() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("Threads:") } ?? ""
    return Int(line.dropFirst("Threads:".count).trimmingCharacters(in: .whitespaces)) ?? -1
}
