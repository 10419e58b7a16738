public import Logging
public import Redis
public import ServiceLifecycle

/// Keeps a ``ContextCache``'s in-memory entries trusted: subscribes to the channel every
/// invalidation is published on and drops the entry each message names.
///
/// While the subscription is down (Redis restarting, the connection cut), the local entries are
/// forgotten and every read goes to Redis, as it would without them; the listener subscribes again
/// with backoff and serves local entries once Redis confirms. Runs until the task is cancelled or a
/// graceful shutdown begins.
public struct ContextInvalidationListener: Service {
    private let redis: RedisClient
    private let channel: String
    private let local: LocalContextCache
    private let logger: Logger
    private let firstRetry: Duration = .milliseconds(100)
    private let longestRetry: Duration = .seconds(5)

    init(redis: RedisClient, channel: String, local: LocalContextCache, logger: Logger) {
        self.redis = redis
        self.channel = channel
        self.local = local
        self.logger = logger
    }

    /// What the log has said so far: each change of standing is logged once.
    private enum Standing { case starting, live, down }

    public func run() async throws {
        defer { local.goDark() }
        try? await cancelWhenGracefulShutdown {
            var retry = firstRetry
            var standing = Standing.starting
            while !Task.isCancelled {
                do {
                    for try await event in redis.subscribe(to: [channel]) {
                        switch event {
                        case .subscribed:
                            local.goLive()
                            retry = firstRetry
                            switch standing {
                            case .starting:
                                logger.info(
                                    "subscribed to context invalidations: serving contexts from memory",
                                    metadata: ["channel": "\(channel)", "entries": "\(local.capacity)"])
                            case .down:
                                logger.notice("context invalidations arrive again: serving contexts from memory")
                            case .live:
                                break
                            }
                            standing = .live
                        case .message(_, let payload):
                            local.invalidate(String(decoding: payload, as: UTF8.self))
                        }
                    }
                } catch {
                    if standing != .down {
                        logger.warning(
                            "context invalidations are not arriving: every read goes to Redis until they do",
                            metadata: ["error": "\(error)"])
                    }
                    standing = .down
                }
                local.goDark()
                try await Task.sleep(for: retry)
                retry = min(retry * 2, longestRetry)
            }
        }
    }
}
