import HTTPClient
import Testing

extension HTTPClientTests {
    @Suite struct Cancellation {
        let server: TestServer

        init() throws { server = try TestServer.shared() }

        @Test func cancellingTheTaskAbortsTheTransferPromptly() async throws {
            let tag = "execute-\(UInt64.random(in: 0...UInt64.max))"
            try await withClient { client in
                let request = HTTPRequest(url: server.url("/slow?ms=10000&tag=\(tag)"))
                let task = Task { try await client.execute(request) }
                try await Task.sleep(for: .milliseconds(300))
                let start = ContinuousClock.now
                task.cancel()
                let result = await task.result
                #expect(ContinuousClock.now - start < .seconds(5))  // the transfer had 10+ s to go; even a busy machine is quicker
                #expect(throws: CancellationError.self) { try result.get() }
                let closed = try await client.execute(HTTPRequest(url: server.url("/closed?tag=\(tag)&wait_ms=3000")))
                #expect(closed.text == "yes")
            }
        }

        @Test func aTaskCancelledBeforeTheRequestNeverSendsIt() async throws {
            try await withClient { client in
                let task = Task {
                    withUnsafeCurrentTask { $0?.cancel() }
                    return try await client.execute(HTTPRequest(url: server.url("/slow?ms=10000")))
                }
                await #expect(throws: CancellationError.self) { try await task.value }
            }
        }

        @Test func cancellingTheConsumerOfAStreamAbortsIt() async throws {
            let tag = "consumer-\(UInt64.random(in: 0...UInt64.max))"
            try await withClient { client in
                let response = try await client.stream(
                    HTTPRequest(url: server.url("/chunked?chunks=1000&delay_ms=50&tag=\(tag)")))
                let consumer = Task {
                    var count = 0
                    for try await _ in response.body { count += 1 }
                    return count
                }
                try await Task.sleep(for: .milliseconds(300))
                let start = ContinuousClock.now
                consumer.cancel()
                let result = await consumer.result
                #expect(ContinuousClock.now - start < .seconds(5))  // the transfer had 10+ s to go; even a busy machine is quicker
                #expect(throws: CancellationError.self) { try result.get() }
                let closed = try await client.execute(HTTPRequest(url: server.url("/closed?tag=\(tag)&wait_ms=3000")))
                #expect(closed.text == "yes")
            }
        }

        @Test func droppingAStreamedResponseAbortsTheTransfer() async throws {
            let tag = "dropped-\(UInt64.random(in: 0...UInt64.max))"
            try await withClient { client in
                do {
                    let response = try await client.stream(
                        HTTPRequest(url: server.url("/chunked?chunks=1000&delay_ms=50&tag=\(tag)")))
                    var iterator = response.body.makeAsyncIterator()
                    #expect(try await iterator.next() == Array("chunk 0\n".utf8))
                }
                let closed = try await client.execute(HTTPRequest(url: server.url("/closed?tag=\(tag)&wait_ms=3000")))
                #expect(closed.text == "yes")
            }
        }

        @Test func shutdownAbortsInFlightTransfersAndRefusesNewOnes() async throws {
            let client = try HTTPClient(configuration: .init(proxy: .none), logger: .init(label: "plutus.http.test"))
            let task = Task { try await client.execute(HTTPRequest(url: server.url("/slow?ms=10000"))) }
            try await Task.sleep(for: .milliseconds(300))
            let start = ContinuousClock.now
            await client.shutdown()
            let code = await errorCode { try await task.value }
            #expect(code == .shutdown)
            #expect(ContinuousClock.now - start < .seconds(5))  // the transfer had 10+ s to go; even a busy machine is quicker
            #expect(await errorCode { try await client.execute(HTTPRequest(url: server.url("/ok"))) } == .shutdown)
            await client.shutdown()  // a second call returns at once
        }
    }
}
