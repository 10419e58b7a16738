import Foundation
import HTTPClient

/// One virtual user's view of the API: its token and the calls a session makes.
struct APIClient: Sendable {
    let http: HTTPClient
    let base: String
    let token: String

    /// A request's outcome: its status (0 when it never got one) and the answer's JSON object.
    struct Answer: Sendable {
        let status: Int
        let body: [UInt8]
        var object: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] }
    }

    func send(_ method: HTTPRequest.Method, _ path: String, json: [String: String]? = nil) async -> Answer {
        var headers: HTTPHeaders = ["authorization": "Bearer \(token)", "accept": "application/json"]
        if json != nil { headers.add(name: "content-type", value: "application/json") }
        let body = json.flatMap { try? JSONSerialization.data(withJSONObject: $0) }.map { Array($0) }
        do {
            let response = try await http.execute(HTTPRequest(method: method, url: base + path, headers: headers, body: body))
            return Answer(status: response.status, body: response.body)
        } catch {
            return Answer(status: 0, body: Array("\(error)".utf8))
        }
    }
}
