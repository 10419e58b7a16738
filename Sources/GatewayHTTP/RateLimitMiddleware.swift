import Foundation
public import Hummingbird
import Logging
public import Redis

/// Each user's requests draw from a token bucket in Redis (``RedisTokenBuckets``, shared by every
/// gateway): past it, 429 with `Retry-After`.
///
/// When Redis fails the request goes through and the failure is logged: the coach stays
/// available, unmetered, rather than down with its cache. The model calls behind a turn keep
/// their own limits.
public struct RateLimitMiddleware: RouterMiddleware {
    public typealias Context = GatewayRequestContext
    let buckets: RedisTokenBuckets
    let limit: RedisTokenBuckets.Limit

    /// - Parameter requestsPerMinute: each user's sustained rate; bursts of a quarter of it (at
    ///   least 10) are let through after a quiet spell.
    public init(redis: RedisClient, requestsPerMinute: Int) {
        buckets = RedisTokenBuckets(redis: redis)
        limit = RedisTokenBuckets.Limit(perMinute: Double(requestsPerMinute), burst: Double(max(10, requestsPerMinute / 4)))
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let userID = try context.requireUser()
        let wait: Duration?
        do {
            wait = try await buckets.take([("plutus:http:rate:user:\(userID)", limit)])
        } catch {
            context.logger.warning("the rate limiter's Redis failed; the request goes through", metadata: ["error": "\(error)"])
            wait = nil
        }
        if let wait {
            let seconds = max(1, Int((wait / .seconds(1)).rounded(.up)))
            throw Problem(
                .tooManyRequests, "rate-limited", "too many requests; try again in \(seconds) s",
                headers: [.retryAfter: "\(seconds)"])
        }
        return try await next(request, context)
    }
}
