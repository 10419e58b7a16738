public import Redis

/// Per-user and global limits on model calls: two token buckets in Redis, checked and drawn
/// from in one script so every replica of every agent shares them.
///
/// A call is admitted only when both buckets hold a token; a refused call draws nothing.
public struct CallRateLimiter: Sendable {
    /// A bucket's refill rate and depth.
    public struct Limit: Sendable, Hashable {
        public var callsPerMinute: Double
        /// How many calls may come at once after a quiet spell.
        public var burst: Double

        public init(callsPerMinute: Double, burst: Double) {
            self.callsPerMinute = callsPerMinute
            self.burst = burst
        }
    }

    public let perUser: Limit
    public let global: Limit
    private let redis: RedisClient
    private let keyPrefix: String

    public init(redis: RedisClient, perUser: Limit, global: Limit, keyPrefix: String = "plutus:llm:rate") {
        self.redis = redis
        self.perUser = perUser
        self.global = global
        self.keyPrefix = keyPrefix
    }

    /// Takes a token from `userID`'s bucket and the global one.
    /// - Throws: ``ModelError`` (`rateLimitExceeded`, with how long until a token is back as its
    ///   `retryAfter`) when either is empty; the Redis client's error when Redis fails.
    public func acquire(for userID: String) async throws {
        let limits = [perUser, global]
        let arguments = limits.flatMap { [RESPArgument($0.callsPerMinute / 60_000), RESPArgument($0.burst)] }
        let reply = try await redis.evalsha(
            Self.script, keys: ["\(keyPrefix):user:\(userID)", "\(keyPrefix):global"], arguments: arguments)
        guard let waitMilliseconds = reply.int else {
            throw ModelError(.rateLimitExceeded, "the rate-limit script answered \(reply)")
        }
        guard waitMilliseconds == 0 else {
            throw ModelError(
                .rateLimitExceeded, "too many model calls; the next is allowed in \(waitMilliseconds) ms",
                retryAfter: .milliseconds(waitMilliseconds))
        }
    }

    /// KEYS: the buckets. ARGV: for each bucket, tokens per millisecond and depth. Returns 0 when
    /// a token was taken from every bucket, else the milliseconds until one could be.
    static let script = RedisScript(
        """
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
        local levels, wait = {}, 0
        for i, key in ipairs(KEYS) do
          local rate, depth = tonumber(ARGV[2 * i - 1]), tonumber(ARGV[2 * i])
          local state = redis.call('HMGET', key, 'tokens', 'at')
          local tokens = tonumber(state[1]) or depth
          local at = tonumber(state[2]) or now
          tokens = math.min(depth, tokens + math.max(0, now - at) * rate)
          levels[i] = tokens
          if tokens < 1 then wait = math.max(wait, math.ceil((1 - tokens) / rate)) end
        end
        for i, key in ipairs(KEYS) do
          local rate, depth = tonumber(ARGV[2 * i - 1]), tonumber(ARGV[2 * i])
          if wait == 0 then levels[i] = levels[i] - 1 end
          redis.call('HSET', key, 'tokens', tostring(levels[i]), 'at', now)
          redis.call('PEXPIRE', key, math.ceil(depth / rate) + 1000)
        end
        return wait
        """)
}
