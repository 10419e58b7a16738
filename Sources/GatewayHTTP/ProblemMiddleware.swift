public import Hummingbird
import Logging

/// The outermost middleware: every error leaves as `application/problem+json`. Hummingbird's own
/// errors (an unknown route, a body too large) keep their status; any other error is logged and
/// answered with a 500 that names nothing of its cause.
public struct ProblemMiddleware: RouterMiddleware {
    public typealias Context = GatewayRequestContext
    /// The methods each path serves: a path asked with another method is 405 with `Allow`, not 404.
    let methodsByPath: [String: [String]]

    public init(methodsByPath: [String: [String]] = [:]) {
        self.methodsByPath = methodsByPath
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            throw problem
        } catch let error as HTTPError {
            if error.status == .notFound, let allowed = methodsByPath[request.uri.path] {
                throw Problem(
                    .methodNotAllowed, "method-not-allowed", "\(request.uri.path) answers \(allowed.joined(separator: ", "))",
                    headers: [.allow: allowed.joined(separator: ", ")])
            }
            throw Problem(error.status, Self.slug(error.status), error.body ?? error.status.reasonPhrase)
        } catch let error as any HTTPResponseError {
            throw Problem(error.status, Self.slug(error.status), error.status.reasonPhrase)
        } catch is CancellationError {
            throw Problem(.serviceUnavailable, "cancelled", "the request was cancelled")
        } catch {
            context.logger.error(
                "request failed", metadata: ["path": "\(request.uri.path)", "error": "\(String(reflecting: error))"])
            throw Problem(.internalServerError, "internal", "the server could not answer this request")
        }
    }

    static func slug(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "not-found"
        case .methodNotAllowed: "method-not-allowed"
        case .contentTooLarge: "body-too-large"
        case .unsupportedMediaType: "unsupported-media-type"
        default: status.code < 500 ? "invalid-request" : "internal"
        }
    }
}
