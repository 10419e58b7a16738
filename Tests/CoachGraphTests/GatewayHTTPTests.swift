import ContextEngine
import Foundation
import HTTPClient
import LanguageModels
import Logging
import PlutusAuth
import PlutusTestSupport
import PlutusWire
import ProcessSupport
import RPCCore
import RPCTransport
import Testing

/// The app's HTTP API on a real `plutus-gateway` process, called over a real socket with libcurl:
/// the chat endpoints as the app uses them, streamed and not, and every kind of bad request
/// refused with a problem that says why, writing nothing.
@Suite struct GatewayHTTPTests {
    static let http: HTTPClient = {
        do {
            return try HTTPClient(configuration: .init(timeout: .seconds(60), proxy: .none), logger: Logger(label: "plutus.test.http"))
        } catch {
            fatalError("libcurl could not start: \(error)")
        }
    }()

    /// A client of one gateway, as one user.
    struct API {
        let base: String
        let token: String

        func send(
            _ method: HTTPRequest.Method, _ path: String, json: String? = nil, headers: [(String, String)] = [],
            token: String? = nil
        ) async throws -> HTTPResponse {
            var fields = [("authorization", "Bearer \(token ?? self.token)")] + headers
            if json != nil, !headers.contains(where: { $0.0 == "content-type" }) { fields.append(("content-type", "application/json")) }
            return try await GatewayHTTPTests.http.execute(
                HTTPRequest(method: method, url: base + path, headers: HTTPHeaders(fields), body: json.map { Array($0.utf8) }))
        }

        func object(_ response: HTTPResponse) throws -> [String: Any] {
            try #require(JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        }
    }

    static func api(_ cluster: CoachCluster, environment: [String: String] = [:]) async throws -> API {
        _ = try await cluster.start(.gateway, environment: environment)
        let tokens = try await AccessTokens.make(secret: try LocalServices.value(of: "PLUTUS_JWT_SECRET"))
        return API(
            base: try await cluster.gatewayHTTPBase() + "/api/v1/plutus", token: try await tokens.issue(userID: cluster.userID))
    }

    @Test(.timeLimit(.minutes(3))) func aConversationThroughTheHTTPAPI() async throws {
        try await CoachCluster.with { cluster in
            let api = try await Self.api(cluster)

            let started = try await api.send(.post, "/chat/start", json: #"{"title": "Saving for a wedding"}"#)
            #expect(started.status == 201)
            let conversation = try api.object(started)
            let conversationID = try #require(conversation["conversation_id"] as? String)
            #expect(UUID(uuidString: conversationID) != nil && conversation["session_id"] is String)
            #expect((conversation["started_at"] as? String).flatMap { try? Date($0, strategy: .iso8601) } != nil)

            // Plain JSON.
            let answered = try await api.send(
                .post, "/chat/message", json: #"{"conversation_id": "\#(conversationID)", "content": "what's my net worth", "extra": 1}"#)
            #expect(answered.status == 200)
            #expect(answered.headers["content-type"]?.hasPrefix("application/json") == true)
            let reply = try api.object(answered)
            #expect(reply["route"] as? String == "analyze_finances")
            #expect(reply["conversation_id"] as? String == conversationID)
            #expect((reply["reply"] as? String)?.isEmpty == false)
            let facts = try #require(reply["facts"] as? [[String: Any]])
            #expect(facts.contains { $0["name"] as? String == "net_worth" && $0["source"] is String })
            #expect(reply["degraded"] as? Bool == true && reply["model"] as? String == "offline")
            for key in ["message_id", "goals", "recommendations"] { #expect(reply[key] != nil, "missing \(key)") }

            // Server-sent events: nodes, the reply's tokens, then `done` with the same JSON.
            let streamed = try await api.send(
                .post, "/chat/message", json: #"{"conversation_id": "\#(conversationID)", "content": "I want to save $20,000 for a wedding by June 2028"}"#,
                headers: [("accept", "text/event-stream")])
            #expect(streamed.status == 200)
            #expect(streamed.headers["content-type"] == "text/event-stream")
            let events = ServerSentEvents.parse(String(decoding: streamed.body, as: UTF8.self))
            #expect(events.first?.name == "node" && events.last?.name == "done")
            #expect(events.filter { $0.name == "node" }.compactMap { $0.json?["node"] as? String }.prefix(2) == ["conversation", "goal_extraction"])
            let done = try #require(events.last?.json)
            #expect(done["route"] as? String == "discuss_goals")
            let written = events.filter { $0.name == "token" }.compactMap { $0.json?["text"] as? String }.joined()
            #expect(written == done["reply"] as? String)
            let goal = try #require((done["goals"] as? [[String: Any]])?.first)
            #expect(goal["target_amount"] as? Double == 20_000 && goal["target_date"] as? String == "2028-06-30")
            #expect(goal["status"] as? String == "proposed")

            let history = try await api.send(.get, "/chat/history?conversation_id=\(conversationID)&limit=10")
            #expect(history.status == 200)
            let messages = try #require(try api.object(history)["messages"] as? [[String: Any]])
            #expect(messages.map { $0["role"] as? String } == ["user", "assistant", "user", "assistant"])
            #expect(messages.first?["content"] as? String == "what's my net worth")
            let oldest = try #require(messages[2]["created_at"] as? String)
            let page = try await api.send(.get, "/chat/history?conversation_id=\(conversationID)&before=\(oldest)")
            #expect((try api.object(page)["messages"] as? [[String: Any]])?.count == 2)

            let ended = try await api.send(.delete, "/chat/end?conversation_id=\(conversationID)")
            #expect(ended.status == 200)
            let end = try api.object(ended)
            #expect((end["summary"] as? String)?.contains("what's my net worth") == true)
            let again = try api.object(try await api.send(.delete, "/chat/end?conversation_id=\(conversationID)"))
            #expect(again["ended_at"] as? String == end["ended_at"] as? String)
            #expect(again["summary"] as? String == end["summary"] as? String)

            let late = try await api.send(.post, "/chat/message", json: #"{"conversation_id": "\#(conversationID)", "content": "hi"}"#)
            #expect(late.status == 409)

            // Another person's token finds nothing of it.
            let tokens = try await AccessTokens.make(secret: try LocalServices.value(of: "PLUTUS_JWT_SECRET"))
            let stranger = try await tokens.issue(userID: UUID().uuidString)
            let peek = try await api.send(.get, "/chat/history?conversation_id=\(conversationID)", token: stranger)
            #expect(peek.status == 404)
            #expect(!String(decoding: peek.body, as: UTF8.self).contains("net worth"))

            let health = try await GatewayHTTPTests.http.execute(
                HTTPRequest(url: try await cluster.gatewayHTTPBase() + "/healthz"))
            #expect(health.status == 200)

            let document = try await GatewayHTTPTests.http.execute(HTTPRequest(url: api.base + "/openapi.json"))
            #expect(document.status == 200)
            #expect(document.body == Array(try Data(contentsOf: URL(fileURLWithPath: Repository.path("Sources/GatewayHTTP/Resources/openapi.json")))))

            let metrics = try await GatewayHTTPTests.http.execute(
                HTTPRequest(url: try await cluster.gatewayHTTPBase() + "/metrics"))
            let text = String(decoding: metrics.body, as: UTF8.self)
            #expect(metrics.status == 200 && metrics.headers["content-type"]?.hasPrefix("text/plain") == true)
            for family in [
                "http_server_request_duration", "plutus_rpc_duration_seconds", "plutus_graph_node_duration_seconds",
            ] {
                #expect(text.contains(family), "no \(family) in:\n\(text.prefix(3000))")
            }
            #expect(text.contains(#"node="financial_analysis""#))
            #expect(text.contains(#"method="GetContext""#))
        }
    }

    @Test(.timeLimit(.minutes(3))) func badRequestsGetProblemsAndWriteNothing() async throws {
        try await CoachCluster.with { cluster in
            let api = try await Self.api(cluster)
            let conversationID = try #require(
                try api.object(try await api.send(.post, "/chat/start"))["conversation_id"] as? String)
            let secret = try LocalServices.value(of: "PLUTUS_JWT_SECRET")
            let tokens = try await AccessTokens.make(secret: secret)
            let expired = try await tokens.issue(userID: cluster.userID, lifetime: .seconds(60), now: Date(timeIntervalSinceNow: -3600))
            let otherSecret = try await AccessTokens.make(secret: String(secret.reversed()) + "-another-secret")
            let forged = try await otherSecret.issue(userID: cluster.userID)
            let parts = api.token.split(separator: ".").map(String.init)
            let unsigned = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.\(parts[1])."
            let tampered = [parts[0], Self.base64URL(#"{"sub":"\#(UUID().uuidString)","iss":"plutus","exp":4102444800,"iat":0}"#), parts[2]]
                .joined(separator: ".")
            let noSubject = try await tokens.issue(userID: "not-a-uuid")

            let message = #"{"conversation_id": "\#(conversationID)", "content": "hi"}"#
            let cases: [(String, HTTPRequest.Method, String, String?, [(String, String)], String?, Int, String)] = [
                ("no token", .post, "/chat/message", message, [], "", 401, "unauthorized"),
                ("expired", .post, "/chat/message", message, [], expired, 401, "unauthorized"),
                ("another key", .post, "/chat/message", message, [], forged, 401, "unauthorized"),
                ("alg none", .post, "/chat/message", message, [], unsigned, 401, "unauthorized"),
                ("tampered payload", .post, "/chat/message", message, [], tampered, 401, "unauthorized"),
                ("sub not a user id", .post, "/chat/message", message, [], noSubject, 401, "unauthorized"),
                ("malformed JSON", .post, "/chat/message", #"{"conversation_id": "#, [], nil, 400, "malformed-json"),
                ("missing content", .post, "/chat/message", #"{"conversation_id": "\#(conversationID)"}"#, [], nil, 422, "missing-field"),
                ("content not a string", .post, "/chat/message", #"{"conversation_id": "\#(conversationID)", "content": 7}"#, [], nil, 422, "invalid-field"),
                ("empty content", .post, "/chat/message", #"{"conversation_id": "\#(conversationID)", "content": "  "}"#, [], nil, 422, "invalid-field"),
                ("content too long", .post, "/chat/message", #"{"conversation_id": "\#(conversationID)", "content": "\#(String(repeating: "a", count: 8_001))"}"#, [], nil, 422, "invalid-field"),
                ("bad UUID", .post, "/chat/message", #"{"conversation_id": "42", "content": "hi"}"#, [], nil, 422, "invalid-field"),
                ("no such conversation", .post, "/chat/message", #"{"conversation_id": "\#(UUID().uuidString)", "content": "hi"}"#, [], nil, 404, "not-found"),
                ("body over 64 KiB", .post, "/chat/message", String(repeating: " ", count: 70_000) + message, [], nil, 413, "body-too-large"),
                ("not JSON", .post, "/chat/message", message, [("content-type", "text/plain")], nil, 415, "unsupported-media-type"),
                ("bad limit", .get, "/chat/history?conversation_id=\(conversationID)&limit=0", nil, [], nil, 422, "invalid-field"),
                ("bad before", .get, "/chat/history?conversation_id=\(conversationID)&before=yesterday", nil, [], nil, 422, "invalid-field"),
                ("end without id", .delete, "/chat/end", nil, [], nil, 422, "invalid-field"),
                ("unknown route", .get, "/chat/nothing", nil, [], nil, 404, "not-found"),
            ]
            for (name, method, path, body, headers, token, status, slug) in cases {
                let response = try await api.send(method, path, json: body, headers: headers, token: token)
                #expect(response.status == status, "\(name): \(String(decoding: response.body, as: UTF8.self))")
                #expect(response.headers["content-type"] == "application/problem+json", "\(name)")
                let problem = try api.object(response)
                #expect(problem["type"] as? String == "https://plutus.dev/problems/\(slug)", "\(name): \(problem)")
                #expect(problem["status"] as? Int == status && (problem["detail"] as? String)?.isEmpty == false, "\(name)")
                if status == 401 { #expect(response.headers["www-authenticate"] == "Bearer", "\(name)") }
            }
            let history = try api.object(try await api.send(.get, "/chat/history?conversation_id=\(conversationID)"))
            #expect((history["messages"] as? [Any])?.isEmpty == true, "a refused request wrote a message")
        }
    }

    /// The summary of an ended conversation becomes a memory in the person's namespace of the vector store,
    /// and comes with the context when a later message is about the same thing.
    @Test(.timeLimit(.minutes(3))) func anEndedConversationIsRememberedForLaterMessages() async throws {
        try await CoachCluster.with { cluster in
            let (_, vector) = try await cluster.start(.vector)
            let api = try await Self.api(cluster)
            let started = try api.object(try await api.send(.post, "/chat/start", json: "{}"))
            let conversationID = try #require(started["conversation_id"] as? String)
            let asked = try await api.send(
                .post, "/chat/message", json: #"{"conversation_id": "\#(conversationID)", "content": "how big is my emergency fund?"}"#)
            #expect(asked.status == 200)
            let ended = try api.object(try await api.send(.delete, "/chat/end?conversation_id=\(conversationID)"))
            let summary = try #require(ended["summary"] as? String)

            let stored = try await vector.unary(
                RPCMethod(service: "plutus.v1.VectorStore", method: "Get"),
                GetRequest(tenant: cluster.userID, collection: VectorMemorySource.collection, ids: ["conversation:\(conversationID)"]),
                as: GetResponse.self)
            #expect(stored.items.map(\.document) == [summary])
            #expect(stored.items.first?.metadataJSON.contains(#""kind":"conversation""#) == true)

            let context = try await cluster.services.context.unary(
                ContextEngineRPC.getContext, GetContextRequest(userID: cluster.userID, topic: "my emergency fund"),
                as: UserContext.self)
            #expect(!context.memoriesUnavailable)
            #expect(context.memories.first { $0.kind == "conversation" }?.text == summary)
            await #expect(throws: RPCError.self, "another person has no memories of it") {
                try await vector.unary(
                    RPCMethod(service: "plutus.v1.VectorStore", method: "Count"),
                    CountRequest(tenant: UUID().uuidString, collection: VectorMemorySource.collection), as: CountResponse.self)
            }
            await vector.close()
        }
    }

    @Test(.timeLimit(.minutes(3))) func theContextInsightsAndRecommendations() async throws {
        try await CoachCluster.with { cluster in
            let api = try await Self.api(cluster)
            let direct = try await cluster.services.context.unary(
                ContextEngineRPC.getContext, GetContextRequest(userID: cluster.userID), as: UserContext.self)

            let current = try await api.send(.get, "/context/current")
            #expect(current.status == 200)
            let context = try api.object(current)
            #expect((context["version"] as? Int).map(Int64.init) == direct.version)
            #expect((context["user_profile"] as? [String: Any])?["user_id"] as? String == cluster.userID)
            let state = try #require(context["financial_state"] as? [String: Any])
            let netWorth = try #require(state["net_worth"] as? NSNumber)
            // JSONSerialization reads the exact decimal into a Double: round back to cents.
            #expect(Int64((netWorth.doubleValue * 100).rounded()) == direct.netWorth?.netWorthCents)
            #expect((state["accounts"] as? [[String: Any]])?.count == direct.accounts.count)
            for key in ["portfolio", "cash_flow"] { #expect(state[key] is [String: Any], "missing \(key)") }
            #expect((context["goals"] as? [Any])?.count == direct.goals.count && context["insights"] is [Any])

            #expect(try await api.send(.get, "/context/current").body == current.body)  // unchanged, answered again

            let refreshed = try api.object(try await api.send(.post, "/context/refresh"))
            let version = try #require(refreshed["version"] as? Int)
            #expect(Int64(version) > direct.version)
            // The JSON kept for the earlier version is not reused for the new one.
            #expect(try api.object(try await api.send(.get, "/context/current"))["version"] as? Int == version)
            let history = try api.object(try await api.send(.get, "/context/history?limit=5"))
            let versions = try #require(history["versions"] as? [[String: Any]])
            #expect(versions.first?["version"] as? Int == version && versions.first?["created_at"] is String)

            let insights = try await api.send(.get, "/insights?limit=3")
            let listed = try api.object(insights)["insights"] as? [Any]
            #expect(insights.status == 200 && listed.map { $0.count <= 3 } == true)
            #expect(try await api.send(.get, "/insights?limit=0").status == 422)

            let advice = try api.object(try await api.send(.get, "/recommendations"))
            let ranked = try #require(advice["recommendations"] as? [[String: Any]])
            #expect(!ranked.isEmpty && ranked.first?["priority"] as? Int == 1)
            #expect((ranked.first?["impact"] as? [String: Any])?["amount"] is NSNumber)
            #expect((advice["disclaimer"] as? String)?.contains("not individualized investment advice") == true)

            let tokens = try await AccessTokens.make(secret: try LocalServices.value(of: "PLUTUS_JWT_SECRET"))
            let nobody = try await api.send(.get, "/context/current", token: try await tokens.issue(userID: UUID().uuidString))
            #expect(nobody.status == 404, "\(String(decoding: nobody.body, as: UTF8.self))")
        }
    }

    /// The reply is held back 3 s by a slow model; the client leaves once the financial node has
    /// started. The turn is cancelled: the person's message stays, no reply is stored or audited,
    /// and the conversation answers its next message.
    @Test(.timeLimit(.minutes(3))) func aClientThatLeavesMidStreamCancelsTheTurn() async throws {
        let server = try ModelTestServer.shared()
        let key = try await server.script([
            ModelConversationTests.route("analyze_finances", "analysis"), ["text": "Your net worth is fine.", "delay_ms": 3000],
        ])
        let environment = [
            "PLUTUS_LLM": "anthropic", "ANTHROPIC_API_KEY": "sk-ant-cluster-test", "ANTHROPIC_BASE_URL": server.baseURL(key),
        ]
        try await CoachCluster.with(extraEnvironment: environment) { cluster in
            let api = try await Self.api(cluster)
            let conversationID = try #require(try api.object(try await api.send(.post, "/chat/start"))["conversation_id"] as? String)
            let request = HTTPRequest(
                method: .post, url: api.base + "/chat/message",
                headers: [
                    "authorization": "Bearer \(api.token)", "content-type": "application/json", "accept": "text/event-stream",
                ],
                body: Array(#"{"conversation_id": "\#(conversationID)", "content": "what's my net worth"}"#.utf8))
            // Reads until the financial node starts, then lets go of the body: libcurl aborts.
            let seen = try await Task {
                let response = try await Self.http.stream(request)
                var parser = ServerSentEventParser()
                var nodes: [String] = []
                for try await chunk in response.body {
                    for event in try parser.push(chunk) where event.type == "node" {
                        nodes.append(event.data)
                        if event.data.contains("financial_analysis") { return nodes }
                    }
                }
                return nodes
            }.value
            #expect(seen.last?.contains("financial_analysis") == true, "\(seen)")

            try await Task.sleep(for: .seconds(5))  // past the model's answer, which finds nobody listening
            let messages = try #require(
                try api.object(try await api.send(.get, "/chat/history?conversation_id=\(conversationID)"))["messages"] as? [[String: Any]])
            #expect(messages.map { $0["role"] as? String } == ["user"])
            let audited = try await cluster.database.query(
                "SELECT count(*)::int AS n FROM plutus_audit_log WHERE user_id = \(cluster.userID)::uuid AND action = 'chat_message'")
            #expect(try audited.first?.decode("n", as: Int.self) == 0)

            let next = try await api.send(.post, "/chat/message", json: #"{"conversation_id": "\#(conversationID)", "content": "thanks"}"#)
            #expect(next.status == 200, "\(String(decoding: next.body, as: UTF8.self))\n\(cluster.log(of: .gateway))")
        }
    }

    /// Each user's bucket: 1 request a minute with a burst of 10, so the eleventh is refused
    /// with `Retry-After` while another user goes on; `/readyz` names the dependency that is away
    /// (the vector store, until it starts).
    @Test(.timeLimit(.minutes(3))) func rateLimitsAndReadiness() async throws {
        try await CoachCluster.with(extraEnvironment: ["PLUTUS_HTTP_USER_REQUESTS_PER_MINUTE": "1"]) { cluster in
            let api = try await Self.api(cluster)
            let base = try await cluster.gatewayHTTPBase()
            var statuses: [Int] = []
            for _ in 0..<11 { statuses.append(try await api.send(.get, "/insights").status) }
            #expect(statuses.dropLast().allSatisfy { $0 == 200 }, "\(statuses)")
            let refused = try await api.send(.get, "/insights")
            #expect(refused.status == 429)
            #expect(Int(refused.headers["retry-after"] ?? "").map { $0 >= 1 } == true)
            #expect(try api.object(refused)["type"] as? String == "https://plutus.dev/problems/rate-limited")
            let tokens = try await AccessTokens.make(secret: try LocalServices.value(of: "PLUTUS_JWT_SECRET"))
            let other = try await api.send(.get, "/chat/history?conversation_id=\(UUID().uuidString)", token: try await tokens.issue(userID: UUID().uuidString))
            #expect(other.status == 404, "another user's bucket is full")

            let notReady = try await Self.http.execute(HTTPRequest(url: base + "/readyz"))
            #expect(notReady.status == 503)
            let checks = try #require(try api.object(notReady)["checks"] as? [String: [String: Any]])
            #expect(checks["vector"]?["ready"] as? Bool == false)
            for name in ["postgres", "redis", "context", "conversation-agent", "financial-agent", "goal-agent", "recommendation-agent"] {
                #expect(checks[name]?["ready"] as? Bool == true, "\(name): \(checks)")
            }
            _ = try await cluster.start(.vector)
            let ready = try await eventually(timeout: .seconds(20)) {
                (try? await Self.http.execute(HTTPRequest(url: base + "/readyz")))?.status == 200
            }
            #expect(ready)
        }
    }

    /// With its Redis away the limiter lets requests through (and logs it): the coach stays up.
    @Test(.timeLimit(.minutes(3))) func withRedisAwayRequestsGoThrough() async throws {
        try await CoachCluster.with { cluster in
            let api = try await Self.api(cluster, environment: ["REDIS_URL": "redis://127.0.0.1:1/0"])
            let started = try await api.send(.post, "/chat/start")
            #expect(started.status == 201, "\(String(decoding: started.body, as: UTF8.self))")
            let ready = try await Self.http.execute(HTTPRequest(url: try await cluster.gatewayHTTPBase() + "/readyz"))
            #expect(ready.status == 503)
            #expect((try api.object(ready)["checks"] as? [String: [String: Any]])?["redis"]?["ready"] as? Bool == false)
        }
    }

    /// Two messages to one conversation, the second sent while the first's reply is held back by
    /// a slow model: queued (the default), the replies keep the messages' order; set to reject,
    /// the second is refused with 409 and writes nothing.
    @Test(.timeLimit(.minutes(3)), arguments: ["queue", "reject"])
    func aMessageToABusyConversation(policy: String) async throws {
        let server = try ModelTestServer.shared()
        let key = try await server.script([
            ModelConversationTests.route("analyze_finances", "analysis"), ["text": "First answer.", "delay_ms": 1500],
            ModelConversationTests.route("end", "farewell"), ["text": "Second answer."],
        ])
        let environment = [
            "PLUTUS_LLM": "anthropic", "ANTHROPIC_API_KEY": "sk-ant-cluster-test", "ANTHROPIC_BASE_URL": server.baseURL(key),
            "PLUTUS_HTTP_BUSY_CONVERSATION": policy,
        ]
        try await CoachCluster.with(extraEnvironment: environment) { cluster in
            let api = try await Self.api(cluster)
            let conversationID = try #require(try api.object(try await api.send(.post, "/chat/start"))["conversation_id"] as? String)
            let first = Task {
                try await api.send(.post, "/chat/message", json: #"{"conversation_id": "\#(conversationID)", "content": "what's my net worth"}"#)
            }
            // The first turn holds its conversation once its model has been asked (however busy the machine).
            #expect(try await eventually(timeout: .seconds(30)) { ((try? await server.requests(key).count) ?? 0) >= 2 })
            let second = try await api.send(.post, "/chat/message", json: #"{"conversation_id": "\#(conversationID)", "content": "thanks, bye"}"#)
            #expect(try await first.value.status == 200)
            let messages = try #require(
                try api.object(try await api.send(.get, "/chat/history?conversation_id=\(conversationID)"))["messages"] as? [[String: Any]])
            if policy == "queue" {
                #expect(second.status == 200)
                #expect(messages.compactMap { $0["content"] as? String } == [
                    "what's my net worth", "First answer.", "thanks, bye", "Second answer.",
                ])
            } else {
                #expect(second.status == 409)
                #expect(try api.object(second)["type"] as? String == "https://plutus.dev/problems/turn-in-progress")
                #expect(messages.compactMap { $0["content"] as? String } == ["what's my net worth", "First answer."])
            }
        }
    }

    /// A message sent again with its idempotency key gets the first answer, as JSON or as a
    /// stream, and writes nothing; the key with another message is refused; another user's same
    /// key is theirs.
    @Test(.timeLimit(.minutes(3))) func anIdempotencyKeyAnswersOnce() async throws {
        try await CoachCluster.with { cluster in
            let api = try await Self.api(cluster)
            let conversationID = try #require(try api.object(try await api.send(.post, "/chat/start"))["conversation_id"] as? String)
            let body = #"{"conversation_id": "\#(conversationID)", "content": "what's my net worth", "idempotency_key": "k-1"}"#
            let first = try await api.send(.post, "/chat/message", json: body)
            #expect(first.status == 200)
            let again = try await api.send(.post, "/chat/message", json: body)
            #expect(again.status == 200 && again.body == first.body)
            let streamed = try await api.send(.post, "/chat/message", json: body, headers: [("accept", "text/event-stream")])
            let events = ServerSentEvents.parse(String(decoding: streamed.body, as: UTF8.self))
            #expect(events.map(\.name) == ["done"] && events.first?.data == String(decoding: first.body, as: UTF8.self))

            let other = #"{"conversation_id": "\#(conversationID)", "content": "something else", "idempotency_key": "k-1"}"#
            let reused = try await api.send(.post, "/chat/message", json: other)
            #expect(reused.status == 422, "\(String(decoding: reused.body, as: UTF8.self))")

            let messages = try api.object(try await api.send(.get, "/chat/history?conversation_id=\(conversationID)"))["messages"] as? [Any]
            #expect(messages?.count == 2, "a repeated request wrote again")
            let stored = try await cluster.database.query(
                "SELECT answer_sealed FROM plutus_idempotency_keys WHERE user_id = \(cluster.userID)::uuid AND idempotency_key = 'k-1'")
            let sealed = try #require(try stored.first?.decode("answer_sealed", as: [UInt8].self))
            #expect(!String(decoding: sealed, as: UTF8.self).contains("net_worth"), "the stored answer is not sealed")
        }
    }

    /// schemathesis (PyPI) generates requests from the served OpenAPI document, valid and not,
    /// and checks every answer against it: no 5xx, no answer the document does not describe, no
    /// invalid request accepted, no valid one refused.
    @Test(.timeLimit(.minutes(5))) func schemathesisFindsNothing() async throws {
        try await CoachCluster.with(extraEnvironment: ["PLUTUS_HTTP_USER_REQUESTS_PER_MINUTE": "1000000"]) { cluster in
            _ = try await cluster.start(.vector)  // every dependency up: /readyz answers 200
            let api = try await Self.api(cluster)
            let base = try await cluster.gatewayHTTPBase()
            #expect(try await eventually(timeout: .seconds(20)) {
                (try? await Self.http.execute(HTTPRequest(url: base + "/readyz")))?.status == 200
            })
            let log = cluster.directory + "/schemathesis.log"
            let run = try ChildProcess.spawn(
                "/usr/bin/env",
                [
                    "schemathesis", "run", api.base + "/openapi.json", "--header", "Authorization: Bearer \(api.token)",
                    "--checks", "all", "--max-examples", "25", "--generation-deterministic", "--no-color",
                ],
                environment: ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { _, new in new },
                standardOutput: .appendingTo(path: log), standardError: .appendingTo(path: log))
            let termination = await run.termination()
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            #expect(termination.status == 0, "schemathesis:\n\(output.suffix(6000))")
            #expect(output.contains("passed"), "\(output.suffix(2000))")
        }
    }

    @Test(.timeLimit(.minutes(3))) func plutusChatStreamsOverTheAPI() async throws {
        try await CoachCluster.with { cluster in
            let api = try await Self.api(cluster)
            let base = try await cluster.gatewayHTTPBase()
            let plutus = Repository.product("plutus")
            let output = try ScriptRunner.runProgram(
                plutus, ["chat", "--token", api.token, "--url", base, "--message", "what's my net worth"], environment: [:])
            #expect(output.split(separator: "\n").first { !$0.isEmpty }?.contains("$") == true, "the reply first: \(output)")
            #expect(output.contains("figures:") && output.contains("net worth:"), "\(output)")

            let refused = #expect(throws: ScriptRunner.Failure.self) {
                try ScriptRunner.runProgram(
                    plutus, ["chat", "--token", "not.a.token", "--url", base, "--message", "hi"], environment: [:])
            }
            #expect(refused?.output.contains("401") == true, "\(String(describing: refused))")
            let unreachable = #expect(throws: ScriptRunner.Failure.self) {
                try ScriptRunner.runProgram(
                    plutus, ["chat", "--token", api.token, "--url", "http://127.0.0.1:9", "--message", "hi"], environment: [:])
            }
            #expect(unreachable?.output.contains("did not answer") == true, "\(String(describing: unreachable))")
            let both = #expect(throws: ScriptRunner.Failure.self) {
                try ScriptRunner.runProgram(plutus, ["chat", "--token", "t", "--user", cluster.userID], environment: [:])
            }
            #expect(both?.output.contains("--user or --token") == true)
        }
    }

    static func base64URL(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

/// Server-sent events as a client reads them (WHATWG: `event:` and `data:` lines, a blank line
/// ends each).
enum ServerSentEvents {
    struct Event {
        let name: String
        let data: String
        var json: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] }
    }

    static func parse(_ text: String) -> [Event] {
        text.components(separatedBy: "\n\n").compactMap { block in
            var name = "message"
            var data: [String] = []
            for line in block.split(separator: "\n", omittingEmptySubsequences: true) {
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
            }
            return data.isEmpty ? nil : Event(name: name, data: data.joined(separator: "\n"))
        }
    }
}
