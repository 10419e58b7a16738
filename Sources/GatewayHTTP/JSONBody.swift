import Foundation
import Hummingbird

/// Request bodies: JSON only, at most the context's upload size, decoded with every failure
/// turned into a problem that says where and what: 415 for another media type, 413 for too many
/// bytes, 400 for JSON that does not parse, 422 for JSON of the wrong shape. Unknown fields are
/// ignored.
enum JSONBody {
    static func decode<Body: Decodable>(
        _ type: Body.Type, from request: Request, context: GatewayRequestContext, emptyAs empty: Body? = nil
    ) async throws -> Body {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: context.maxUploadSize)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw Problem(.contentTooLarge, "body-too-large", "the body is larger than \(context.maxUploadSize / 1024) KiB")
        }
        if buffer.readableBytes == 0, let empty { return empty }
        if let contentType = request.headers[.contentType],
            !contentType.lowercased().hasPrefix("application/json")
        {
            throw Problem(.unsupportedMediaType, "unsupported-media-type", "send the body as application/json")
        }
        do {
            return try JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw problem(error)
        }
    }

    static func problem(_ error: DecodingError) -> Problem {
        func path(_ codingPath: [any CodingKey], _ key: (any CodingKey)? = nil) -> String {
            let keys = (codingPath + (key.map { [$0] } ?? [])).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the body" : "`\(keys.joined(separator: "."))`"
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return Problem(.badRequest, "malformed-json", "the body is not valid JSON")
        case .dataCorrupted(let context):
            return Problem(.unprocessableContent, "invalid-field", "\(path(context.codingPath)): \(context.debugDescription)")
        case .keyNotFound(let key, let context):
            return Problem(.unprocessableContent, "missing-field", "\(path(context.codingPath, key)) is required")
        case .typeMismatch(let type, let context):
            return Problem(
                .unprocessableContent, "invalid-field", "\(path(context.codingPath)) must be \(describe(type))")
        case .valueNotFound(let type, let context):
            return Problem(
                .unprocessableContent, "invalid-field", "\(path(context.codingPath)) must be \(describe(type)), not null")
        @unknown default:
            return Problem(.badRequest, "malformed-json", "the body could not be read")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Double.Type: "a number"
        case is [String: Any].Type: "an object"
        case is [Any].Type: "an array"
        default: "a value of another type"
        }
    }
}
