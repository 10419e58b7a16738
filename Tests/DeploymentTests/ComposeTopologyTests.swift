import Foundation
import HTTPClient
import Logging
import PlutusTestSupport
import Testing

/// The compose topology itself, run natively (there is no Docker engine here): every service of
/// `docker-compose.yml` started with its own command and environment, two financial-agent
/// replicas as two processes, each reporting healthy through its compose health check, and the
/// gateway answering the demo user's messages through the agents.
@Suite("docker compose topology, run natively", .serialized)
struct ComposeTopologyTests {
    static let http: HTTPClient = {
        do {
            return try HTTPClient(configuration: .init(timeout: .seconds(60), proxy: .none), logger: Logger(label: "plutus.test.compose"))
        } catch {
            fatalError("libcurl could not start: \(error)")
        }
    }()

    @Test(.timeLimit(.minutes(4))) func theTopologyStartsReportsHealthyAndAnswersThroughTheAgents() async throws {
        let directory = "/tmp/plutus-compose-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let (envFile, _) = try await EnvironmentFile.write(in: directory)
        let project = try ComposeProject.load(envFile: envFile, environment: ["PLUTUS_FINANCIAL_AGENT_REPLICAS": "2"])
        var topology = try NativeTopology(project: project, directory: directory)
        try await withCleanUp {
            try await topology.start()
            try await exercise(topology)
        } cleanUp: {
            await topology.stop()  // whatever had started
        }
        try? FileManager.default.removeItem(atPath: directory)  // kept, with every log, when a step threw
    }

    private func exercise(_ topology: NativeTopology) async throws {
        // Every long-running service, every replica, passes its own health check.
        for (name, service) in topology.project.services.sorted(by: { $0.key < $1.key })
        where !ComposeFileTests.infrastructure.contains(name) && service.healthcheck?.disable != true {
            #expect(try topology.isHealthy(name), "\(name) is healthy:\n\(topology.logs())")
            #expect(topology.running(name).count == service.replicas, "\(name) runs \(service.replicas) processes")
        }
        #expect(topology.running("financial-agent").count == 2)

        // The one-shot migrate made the schema and the demo households, and printed a login.
        let migrate = topology.output(of: "migrate")
        let token = try #require(
            migrate.split(separator: "\n").first { $0.hasPrefix("demo token: ey") }?.dropFirst("demo token: ".count),
            "migrate printed a demo token:\n\(migrate)")
        let base = try #require(topology.url(of: "gateway", port: 8080))

        let ready = try await Self.http.execute(HTTPRequest(method: .get, url: base + "/readyz"))
        #expect(ready.status == 200, "\(String(decoding: ready.body, as: UTF8.self))")

        func send(_ method: HTTPRequest.Method, _ path: String, _ json: String) async throws -> [String: Any] {
            let response = try await Self.http.execute(
                HTTPRequest(
                    method: method, url: base + "/api/v1/plutus" + path,
                    headers: HTTPHeaders([("authorization", "Bearer \(token)"), ("content-type", "application/json")]),
                    body: Array(json.utf8)))
            let body = String(decoding: response.body, as: UTF8.self)
            #expect((200..<300).contains(response.status), "\(path): \(response.status) \(body)")
            return try #require(JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any], "\(body)")
        }
        let conversation = try #require(try await send(.post, "/chat/start", "{}")["conversation_id"] as? String)
        func ask(_ content: String) async throws -> [String: Any] {
            try await send(.post, "/chat/message", #"{"conversation_id": "\#(conversation)", "content": "\#(content)"}"#)
        }
        let worth = try await ask("what's my net worth?")
        #expect(worth["route"] as? String == "analyze_finances")
        #expect((worth["facts"] as? [[String: Any]])?.contains { $0["name"] as? String == "net_worth" } == true, "\(worth)")

        let advice = try await ask("should I pay off my loans or invest")
        #expect(advice["route"] as? String == "get_advice")
        #expect((advice["recommendations"] as? [Any])?.isEmpty == false, "\(advice)")

        let goal = try await ask("I want to save $20,000 for a wedding by June 2028")
        #expect(goal["route"] as? String == "discuss_goals")
        #expect((goal["goals"] as? [[String: Any]])?.first?["status"] as? String == "proposed", "\(goal)")
    }
}
