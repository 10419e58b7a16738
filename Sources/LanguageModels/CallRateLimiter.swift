public import Redis

/// Per-user and global limits on model calls: two ``RedisTokenBuckets``, so every replica of
/// every agent shares them.
///
/// A call is admitted only when both buckets hold a token; a refused call draws nothing.
public struct CallRateLimiter: Sendable {
    /// A bucket's refill rate (calls a minute) and depth.
    public typealias Limit = RedisTokenBuckets.Limit

    public let perUser: Limit
    public let global: Limit
    private let buckets: RedisTokenBuckets
    private let keyPrefix: String

    public init(redis: RedisClient, perUser: Limit, global: Limit, keyPrefix: String = "plutus:llm:rate") {
        self.buckets = RedisTokenBuckets(redis: redis)
        self.perUser = perUser
        self.global = global
        self.keyPrefix = keyPrefix
    }

    /// Takes a token from `userID`'s bucket and the global one.
    /// - Throws: ``ModelError`` (`rateLimitExceeded`, with how long until a token is back as its
    ///   `retryAfter`) when either is empty; the Redis client's error when Redis fails.
    public func acquire(for userID: String) async throws {
        let wait = try await buckets.take([
            ("\(keyPrefix):user:\(userID)", perUser),
            ("\(keyPrefix):global", global),
        ])
        if let wait {
            throw ModelError(
                .rateLimitExceeded, "too many model calls; the next is allowed in \(Int(wait / .milliseconds(1))) ms", retryAfter: wait)
        }
    }
}
