import PlutusData
public import Hummingbird
public import PlutusAuth

/// Admits a request only with `Authorization: Bearer <JWT>` signed with the shared secret, whose
/// `sub` is a user id; the user goes into the context. Every refusal is a 401 problem that says
/// what was wrong with the token, never what the secret is.
public struct BearerAuthMiddleware: RouterMiddleware {
    public typealias Context = GatewayRequestContext
    let tokens: AccessTokens

    public init(tokens: AccessTokens) {
        self.tokens = tokens
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            throw Problem.unauthorized("the Authorization header is missing: send `Authorization: Bearer <token>`")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty else {
            throw Problem.unauthorized("the Authorization header must be `Bearer <token>`")
        }
        let subject: String
        do {
            subject = try await tokens.verify(Self.withoutBlanks(parts[1]))
        } catch let error as AccessTokenError {
            throw Problem.unauthorized(error.description)
        }
        guard subject.isUUID else {
            throw Problem.unauthorized("the token's subject is not a user id")
        }
        var context = context
        context.userID = subject.lowercased()
        return try await next(request, context)
    }

    /// The token without spaces or tabs around it (a JWT has none inside); checked by hand, since
    /// Foundation's `trimmingCharacters` showed in profiles of every request.
    static func withoutBlanks(_ text: Substring) -> String {
        let isBlank = { (character: Character) in character == " " || character == "\t" }
        guard let first = text.firstIndex(where: { !isBlank($0) }), let last = text.lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(text[first...last])
    }
}
