public import Hummingbird

/// What a request carries through the middleware to its route: the authenticated user, once the
/// bearer token has been verified (``BearerAuthMiddleware``).
public struct GatewayRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The token's `sub`, lowercased; nil before authentication (and on the health routes).
    public var userID: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        userID = nil
    }

    /// The largest request body the API reads (64 KiB); a larger one is refused with 413.
    public var maxUploadSize: Int { 64 * 1024 }

    /// The authenticated user; every route behind ``BearerAuthMiddleware`` has one.
    func requireUser() throws -> String {
        guard let userID else { throw Problem.unauthorized("a bearer token is required") }
        return userID
    }
}
