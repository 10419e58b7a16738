import Foundation
import HTTPClient
import LanguageModels

/// One person's session with the HTTP API: the requests `plutus chat` makes, and how their
/// answers are shown in a terminal.
struct ChatSession: Sendable {
    let http: HTTPClient
    let base: String
    let token: String
    let json: Bool

    /// A request the API refused (its problem's detail), or that never reached it.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts a conversation; its id.
    func start() async throws -> String {
        let answer = try object(try await send(.post, "/chat/start", body: [:]))
        guard let id = answer["conversation_id"] as? String else { throw Failure(description: "chat/start gave no conversation_id") }
        return id
    }

    /// Sends `text`; the reply streams to standard output as it is written, then its figures
    /// and recommendations (or, with `--json`, the API's JSON answer).
    func say(_ text: String, in conversationID: String) async throws {
        let body = ["conversation_id": conversationID, "content": text]
        if json {
            let answer = try await send(.post, "/chat/message", body: body)
            print(String(decoding: answer.body, as: UTF8.self))
            return
        }
        let request = try request(.post, "/chat/message", body: body, accept: "text/event-stream")
        let response = try await http.stream(request)
        guard response.status == 200 else {
            throw Failure(description: Self.problem(status: response.status, body: try await response.body.collect(upTo: 1 << 20)))
        }
        var parser = ServerSentEventParser()
        var written = ""
        for try await chunk in response.body {
            for event in try parser.push(chunk) {
                let data = (try? JSONSerialization.jsonObject(with: Data(event.data.utf8))) as? [String: Any] ?? [:]
                switch event.type {
                case "token":
                    let piece = data["text"] as? String ?? ""
                    if written.isEmpty { print("") }
                    written += piece
                    print(piece, terminator: "")
                    fflush(nil)  // every stream: naming stdout is not concurrency-safe
                case "done":
                    let reply = data["reply"] as? String ?? ""
                    if written.isEmpty { print("\n" + reply) } else if reply != written { print("\n(revised)\n" + reply) }
                    print(TurnText.details(data))
                    fflush(nil)
                case "error":
                    throw Failure(description: data["detail"] as? String ?? "the turn failed")
                default:
                    continue
                }
            }
        }
    }

    /// Prints the conversation so far.
    func history(of conversationID: String) async throws {
        let answer = try object(try await send(.get, "/chat/history?conversation_id=\(conversationID)&limit=200"))
        for message in answer["messages"] as? [[String: Any]] ?? [] {
            let role = message["role"] as? String == "user" ? "you" : "coach"
            print("[\(message["created_at"] as? String ?? "")] \(role): \(message["content"] as? String ?? "")")
        }
    }

    /// Ends the conversation and prints its summary.
    func end(_ conversationID: String) async throws {
        let answer = try object(try await send(.delete, "/chat/end?conversation_id=\(conversationID)"))
        print("ended: \(answer["summary"] as? String ?? "")")
    }

    private func send(_ method: HTTPRequest.Method, _ path: String, body: [String: String]? = nil) async throws -> HTTPResponse {
        let response: HTTPResponse
        do {
            response = try await http.execute(try request(method, path, body: body, accept: "application/json"))
        } catch let error as HTTPClientError {
            throw Failure(description: "\(base) did not answer (\(error.message)); is the cluster up (make run)?")
        }
        guard (200..<300).contains(response.status) else {
            throw Failure(description: Self.problem(status: response.status, body: response.body))
        }
        return response
    }

    private func request(
        _ method: HTTPRequest.Method, _ path: String, body: [String: String]?, accept: String
    ) throws -> HTTPRequest {
        var headers: HTTPHeaders = ["authorization": "Bearer \(token)", "accept": accept]
        if body != nil { headers.add(name: "content-type", value: "application/json") }
        return HTTPRequest(
            method: method, url: base + "/api/v1/plutus" + path, headers: headers,
            body: try body.map { Array(try JSONSerialization.data(withJSONObject: $0)) })
    }

    private func object(_ response: HTTPResponse) throws -> [String: Any] {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] else {
            throw Failure(description: "the API answered something that is not a JSON object")
        }
        return object
    }

    private static func problem(status: Int, body: [UInt8]) -> String {
        let problem = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
        return "\(status): \(problem?["detail"] as? String ?? String(decoding: body.prefix(200), as: UTF8.self))"
    }
}

/// A reply's figures, goals and recommendations as terminal text.
enum TurnText {
    static func details(_ answer: [String: Any]) -> String {
        var lines: [String] = [""]
        let facts = answer["facts"] as? [[String: Any]] ?? []
        if !facts.isEmpty {
            lines.append("figures:")
            for fact in facts {
                let name = (fact["name"] as? String ?? "").replacingOccurrences(of: "_", with: " ")
                lines.append("  \(name): \(fact["value"] as? String ?? "") \(fact["unit"] as? String ?? "")")
            }
        }
        for goal in answer["goals"] as? [[String: Any]] ?? [] {
            let amount = (goal["target_amount"] as? Double).map {
                " $" + $0.formatted(.number.grouping(.automatic).precision(.fractionLength(0...2)))
            } ?? ""
            let date = (goal["target_date"] as? String).map { " by \($0)" } ?? ""
            lines.append("goal (\(goal["status"] as? String ?? "")): \(goal["title"] as? String ?? "")\(amount)\(date)")
        }
        let recommendations = answer["recommendations"] as? [[String: Any]] ?? []
        if !recommendations.isEmpty {
            lines.append("recommendations:")
            for recommendation in recommendations {
                lines.append("  \(recommendation["priority"] as? Int ?? 0). \(recommendation["title"] as? String ?? "")")
            }
        }
        if answer["degraded"] as? Bool == true, answer["model"] as? String != "offline" {
            lines.append("(the language model was unavailable: answered offline)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
