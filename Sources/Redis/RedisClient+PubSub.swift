/// What a ``RedisClient/subscribe(to:)`` stream delivers.
public enum RedisSubscriptionEvent: Sendable, Equatable {
    /// Redis confirmed the subscription to `channel`: every message published on it from now on arrives.
    case subscribed(channel: String)
    /// A message published on `channel`.
    case message(channel: String, payload: [UInt8])
}

extension RedisClient {
    /// Publishes `message` on `channel`.
    /// - Returns: how many subscribers received it.
    @discardableResult
    public func publish(_ message: RESPArgument, on channel: String) async throws -> Int {
        try await Int(send("PUBLISH", RESPArgument(channel), message).expect(\.int, from: "PUBLISH"))
    }

    /// Listens on `channels` over a connection of its own, outside the pool, until the consumer stops
    /// iterating (which closes the connection) or the connection fails (which ends the stream with
    /// the ``RedisError``).
    ///
    /// Pub/sub is fire-and-forget: messages published while no subscription is confirmed are lost,
    /// so a consumer that must not miss one treats the stream's end as "anything may have changed".
    public func subscribe(to channels: [String]) -> AsyncThrowingStream<RedisSubscriptionEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: RedisSubscriptionEvent.self)
        let listener = Task { [configuration, logger] in
            do {
                let connection = try await RedisConnection.open(id: 0, configuration: configuration, logger: logger)
                try await connection.listen(to: channels) { reply in
                    do {
                        if let event = try RedisSubscriptionEvent(push: reply) { continuation.yield(event) }
                    } catch {
                        continuation.finish(throwing: error)
                    }
                }
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in listener.cancel() }
        return stream
    }
}

extension RedisSubscriptionEvent {
    /// Reads one reply of a subscribed connection: `nil` for pushes a consumer need not see.
    /// - Throws: ``RedisError`` with ``RedisError/Code/unexpectedReply`` for an error or a malformed push.
    init?(push reply: RESPValue) throws {
        guard let parts = reply.array, let kind = parts.first?.string, parts.count == 3, let channel = parts[1].string
        else {
            throw RedisError(code: .unexpectedReply, message: "not a pub/sub message: \(reply)")
        }
        switch kind {
        case "subscribe": self = .subscribed(channel: channel)
        case "message":
            guard let payload = parts[2].bytes else {
                throw RedisError(code: .unexpectedReply, message: "a pub/sub message without a payload: \(reply)")
            }
            self = .message(channel: channel, payload: payload)
        default: return nil
        }
    }
}
