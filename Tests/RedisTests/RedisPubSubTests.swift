import Foundation
import PlutusTestSupport
@testable import Redis
import Testing

@Suite("Redis publish and subscribe")
struct RedisPubSubTests {
    @Test func aSubscriptionIsConfirmedThenDeliversEveryMessageInOrder() async throws {
        try await RedisTestSupport.withClient { redis, prefix async throws in
            let channel = prefix + "news"
            var events = redis.subscribe(to: [channel]).makeAsyncIterator()
            #expect(try await events.next() == .subscribed(channel: channel))
            #expect(try await redis.publish("first", on: channel) == 1)
            #expect(try await redis.publish(RESPArgument([0, 0xFF, 10]), on: channel) == 1)
            #expect(try await redis.publish("", on: channel) == 1)
            #expect(try await redis.publish("elsewhere", on: prefix + "other") == 0)
            #expect(try await events.next() == .message(channel: channel, payload: Array("first".utf8)))
            #expect(try await events.next() == .message(channel: channel, payload: [0, 0xFF, 10]))
            #expect(try await events.next() == .message(channel: channel, payload: []))
        }
    }

    @Test func aQuietChannelIsNotAFailure() async throws {
        try await RedisTestSupport.withClient(.init(commandTimeout: .milliseconds(100))) { redis, prefix async throws in
            let channel = prefix + "quiet"
            var events = redis.subscribe(to: [channel]).makeAsyncIterator()
            #expect(try await events.next() == .subscribed(channel: channel))
            try await Task.sleep(for: .milliseconds(400))  // four command timeouts without a message
            try await redis.publish("late", on: channel)
            #expect(try await events.next() == .message(channel: channel, payload: Array("late".utf8)))
        }
    }

    @Test func aConsumerThatStopsClosesItsConnection() async throws {
        try await RedisTestSupport.withClient { redis, prefix async throws in
            let channel = prefix + "short"
            do {
                var events = redis.subscribe(to: [channel]).makeAsyncIterator()
                #expect(try await events.next() == .subscribed(channel: channel))
                #expect(try await redis.publish("only", on: channel) == 1)
                #expect(try await events.next() == .message(channel: channel, payload: Array("only".utf8)))
            }  // the consumer lets go of the stream here
            #expect(try await eventually(timeout: .seconds(60)) { try await redis.publish("anyone?", on: channel) == 0 })
        }
    }

    @Test func cancellingTheConsumerEndsTheSubscription() async throws {
        try await RedisTestSupport.withClient { redis, prefix async throws in
            let channel = prefix + "cancelled"
            let (confirmed, confirm) = AsyncStream.makeStream(of: Void.self)
            let listener = Task {
                defer { confirm.finish() }  // never confirmed: the wait below ends, and the publish finds no one
                var received = 0
                for try await event in redis.subscribe(to: [channel]) {
                    if case .subscribed = event { confirm.yield() } else { received += 1 }
                }
                return received
            }
            for await _ in confirmed { break }
            #expect(try await redis.publish("hello", on: channel) == 1)
            listener.cancel()
            #expect(try await listener.value <= 1)
            #expect(try await eventually(timeout: .seconds(60)) { try await redis.publish("anyone?", on: channel) == 0 })
        }
    }

    @Test func anUnreachableServerEndsTheStreamWithAConnectionError() async throws {
        try await RedisTestSupport.withClient(.init(url: "redis://127.0.0.1:1/0")) { redis, _ async throws in
            await #expect(throws: RedisError.self) {
                for try await _ in redis.subscribe(to: ["nowhere"]) {}
            }
        }
    }

    @Test func malformedPushesAreRefusedAndOthersSkipped() throws {
        #expect(throws: RedisError.self) { try RedisSubscriptionEvent(push: .error("ERR wrong")) }
        #expect(throws: RedisError.self) { try RedisSubscriptionEvent(push: .array([.bulkString(Array("message".utf8))])) }
        #expect(throws: RedisError.self) {
            try RedisSubscriptionEvent(push: .array([.bulkString(Array("message".utf8)), .bulkString(Array("c".utf8)), .integer(1)]))
        }
        let unsubscribe = RESPValue.array([.bulkString(Array("unsubscribe".utf8)), .bulkString(Array("c".utf8)), .integer(0)])
        #expect(try RedisSubscriptionEvent(push: unsubscribe) == nil)
    }
}
