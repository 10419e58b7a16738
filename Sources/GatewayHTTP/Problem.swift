import Foundation
public import Hummingbird

/// An error answer in RFC 9457's `application/problem+json`: what went wrong (`title`, the
/// status's phrase), why this time (`detail`, safe to show a developer), and a stable `type` a
/// client can switch on (`https://plutus.dev/problems/<slug>`).
///
/// Every error the API returns is one of these; an error that is not becomes a 500 whose detail
/// says nothing of its cause (``ProblemMiddleware``).
public struct Problem: HTTPResponseError, Equatable, Sendable {
    public let status: HTTPResponse.Status
    /// The short, stable name of the problem, such as `invalid-body` or `rate-limited`.
    public let slug: String
    public let detail: String
    /// Extra headers (`Retry-After`, `WWW-Authenticate`).
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ slug: String, _ detail: String, headers: HTTPFields = [:]) {
        self.status = status
        self.slug = slug
        self.detail = detail
        self.headers = headers
    }

    public static let mediaType = "application/problem+json"

    struct Body: Codable, Equatable, Sendable {
        let type: String
        let title: String
        let status: Int
        let detail: String
    }

    var body: Body {
        Body(type: "https://plutus.dev/problems/\(slug)", title: status.reasonPhrase, status: status.code, detail: detail)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var headers = self.headers
        headers[.contentType] = Self.mediaType
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(body))))
    }
}

extension Problem {
    static func badRequest(_ detail: String) -> Problem { Problem(.badRequest, "invalid-request", detail) }
    static func notFound(_ detail: String) -> Problem { Problem(.notFound, "not-found", detail) }
    static func unauthorized(_ detail: String) -> Problem {
        Problem(.unauthorized, "unauthorized", detail, headers: [.wwwAuthenticate: "Bearer"])
    }
    static func unavailable(_ detail: String) -> Problem { Problem(.serviceUnavailable, "unavailable", detail) }
}
