import CoachGraph
import Foundation
import Hummingbird

/// Runs a route's work, turning the store's and the graph's errors into problems a client can
/// act on (404, 409, 503 with `Retry-After`, 500); problems pass through.
func answering<Value>(_ body: () async throws -> Value) async throws -> Value {
    do {
        return try await body()
    } catch let problem as Problem {
        throw problem
    } catch {
        guard TurnFailure(error) != nil else { throw error }
        throw Problem(failure: error)
    }
}

extension Problem {
    /// The problem a failed turn is; an error no turn throws is a 500 that names nothing.
    init(failure error: any Error) {
        switch error {
        case let problem as Problem:
            self = problem
        default:
            switch TurnFailure(error) {
            case .notFound(let detail): self = .notFound(detail)
            case .conflict(let detail): self = Problem(.conflict, "turn-in-progress", detail)
            case .unavailable(let detail): self = Problem(.serviceUnavailable, "unavailable", detail, headers: [.retryAfter: "1"])
            case .failed(let detail): self = Problem(.internalServerError, "coach-failed", detail)
            case nil: self = Problem(.internalServerError, "internal", "the server could not answer this request")
            }
        }
    }
}

/// JSON answers: snake_case bodies built by the `…JSON` types, UTF-8, sorted keys.
enum JSONResponse {
    static func make(_ status: HTTPResponse.Status, _ value: some Encodable) throws -> Response {
        make(status, bytes: try encode(value))
    }

    static func make(_ status: HTTPResponse.Status, bytes: [UInt8]) -> Response {
        make(status, body: ByteBuffer(bytes: bytes))
    }

    static func make(_ status: HTTPResponse.Status, body: ByteBuffer) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
    }

    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}
