import Foundation
import HTTPClient
public import LanguageModels

/// The scripted, fault-injecting model server (`Tests/Support/llm_test_server.py`), one per test
/// process: a stand-in for the Anthropic and OpenAI-compatible APIs that answers each key's
/// model requests with that key's script of steps (see the script's docstring).
///
/// It reads its stdin until EOF, and this process holds the write end of that pipe until it
/// exits, so the server dies with the test process however that ends.
///
/// `@unchecked Sendable`: every stored property is set in `init` and never changed.
public final class ModelTestServer: @unchecked Sendable {
    /// The port it listens on, on 127.0.0.1.
    public let port: Int
    private let process: Process
    private let stdin: Pipe
    private let http: HTTPClient

    /// The shared server, started on first use.
    public static func shared() throws -> ModelTestServer { try started.get() }

    private static let started = Result { try ModelTestServer() }

    private init() throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repository.path("Tests/Support/llm_test_server.py")]
        stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        var line: [UInt8] = []
        while let byte = try stdout.fileHandleForReading.read(upToCount: 1)?.first, byte != UInt8(ascii: "\n") {
            line.append(byte)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            throw ModelTestServerError(message: "the model test server printed '\(String(decoding: line, as: UTF8.self))', not a port")
        }
        self.port = port
        http = try HTTPClient(logger: .init(label: "plutus.test.model-server"))
    }

    /// The base URL a client for `key` is given: its model requests go to `{base}/v1/...`.
    public func baseURL(_ key: String) -> String { "http://127.0.0.1:\(port)/k/\(key)" }

    /// The base URL of the benchmark route (add `?delay_ms=N` to the request URL to set its delay).
    public var benchmarkURL: String { "http://127.0.0.1:\(port)/bench" }

    /// A fresh key with `steps` as its script.
    public func script(_ steps: [JSONValue]) async throws -> String {
        let key = UUID().uuidString.lowercased()
        try await script(steps, for: key)
        return key
    }

    /// Replaces `key`'s script with `steps`.
    public func script(_ steps: [JSONValue], for key: String) async throws {
        let response = try await http.execute(
            HTTPRequest(method: .post, url: baseURL(key) + "/script", body: JSONValue.array(steps).encoded()))
        guard response.status == 200 else {
            throw ModelTestServerError(message: "scripting failed with \(response.status): \(String(decoding: response.body, as: UTF8.self))")
        }
    }

    /// The model requests `key` received, in order: `method`, `path`, `headers` (lowercased
    /// names), `body` and `received_at_ms`.
    public func requests(_ key: String) async throws -> [JSONValue] {
        let response = try await http.execute(HTTPRequest(url: baseURL(key) + "/requests"))
        return try JSONValue.parse(response.body, what: "the request log").arrayValue ?? []
    }
}

public struct ModelTestServerError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
