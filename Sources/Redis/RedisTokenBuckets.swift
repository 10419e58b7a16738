/// Token buckets in Redis, checked and drawn from in one script, so every process that shares
/// the Redis shares the limits. A take succeeds only when every bucket named holds a token; a
/// refused take draws nothing.
public struct RedisTokenBuckets: Sendable {
    /// A bucket's refill rate and depth.
    public struct Limit: Sendable, Hashable {
        public var perMinute: Double
        /// How many may come at once after a quiet spell.
        public var burst: Double

        public init(perMinute: Double, burst: Double) {
            self.perMinute = perMinute
            self.burst = burst
        }
    }

    private let redis: RedisClient

    public init(redis: RedisClient) {
        self.redis = redis
    }

    /// Takes a token from each bucket (`key`, `limit`) at once.
    /// - Returns: nil when taken; else how long until every bucket could give one.
    /// - Throws: the Redis client's error when Redis fails, or ``RedisError`` for an odd reply.
    public func take(_ buckets: [(key: String, limit: Limit)]) async throws -> Duration? {
        let arguments = buckets.flatMap { [RESPArgument($0.limit.perMinute / 60_000), RESPArgument($0.limit.burst)] }
        let reply = try await redis.evalsha(Self.script, keys: buckets.map(\.key), arguments: arguments)
        guard let waitMilliseconds = reply.int else {
            throw RedisError(code: .unexpectedReply, message: "the token-bucket script answered \(reply)")
        }
        return waitMilliseconds == 0 ? nil : .milliseconds(waitMilliseconds)
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
