import Testing

@testable import HTTPClient

extension HTTPClientTests {
    @Suite struct Streaming {
        let server: TestServer

        init() throws { server = try TestServer.shared() }

        @Test func aChunkedBodyArrivesInSeveralChunksInOrder() async throws {
            let chunks = try await withClient { client in
                let response = try await client.stream(HTTPRequest(url: server.url("/chunked?chunks=5&delay_ms=100")))
                #expect(response.status == 200)
                #expect(response.headers["transfer-encoding"] == "chunked")
                var chunks: [String] = []
                for try await chunk in response.body { chunks.append(String(decoding: chunk, as: UTF8.self)) }
                return chunks
            }
            #expect(chunks.count >= 3)
            #expect(chunks.joined() == (0..<5).map { "chunk \($0)\n" }.joined())
        }

        @Test(arguments: ["lf", "crlf"])
        func serverSentEventsArriveBeforeTheStreamEnds(eol: String) async throws {
            let clock = ContinuousClock()
            let start = clock.now
            let (firstAt, endAt, text) = try await withClient { client in
                let response = try await client.stream(
                    HTTPRequest(url: server.url("/sse?events=5&delay_ms=200&eol=\(eol)")))
                #expect(response.headers["content-type"] == "text/event-stream")
                var firstAt: Duration?
                var text = ""
                for try await chunk in response.body {
                    firstAt = firstAt ?? clock.now - start
                    text += String(decoding: chunk, as: UTF8.self)
                }
                return (try #require(firstAt), clock.now - start, text)
            }
            let separator = eol == "crlf" ? "\r\n" : "\n"
            let data = text.components(separatedBy: separator).filter { $0.hasPrefix("data: ") }
            #expect(data == (0..<5).map { "data: event \($0)" } + ["data: [DONE]"])
            #expect(firstAt + .milliseconds(500) < endAt)  // 5 gaps of 200 ms follow the first event
        }

        @Test func theHeadArrivesBeforeASlowBody() async throws {
            try await withClient { client in
                let start = ContinuousClock.now
                let response = try await client.stream(HTTPRequest(url: server.url("/chunked?chunks=3&delay_ms=700")))
                #expect(ContinuousClock.now - start < .milliseconds(1200))
                #expect(try await response.body.collect(upTo: 1000).count == 24)
            }
        }

        @Test func aSlowConsumerPausesTheTransferAndGetsEveryByte() async throws {
            let size = 4 << 20
            let limit = 64 << 10
            let configuration = HTTPClient.Configuration(proxy: .none, streamBufferSize: limit)
            let (received, intact, peak) = try await withClient(configuration) { client in
                let response = try await client.stream(HTTPRequest(url: server.url("/large?bytes=\(size)")))
                var received = 0
                var intact = true
                for try await chunk in response.body {
                    intact =
                        intact && chunk.enumerated().allSatisfy { $0.element == UInt8(($0.offset + received) % 251) }
                    received += chunk.count
                    if received < 1 << 20 { try await Task.sleep(for: .milliseconds(2)) }
                }
                return (received, intact, response.body.peakBufferedBytes)
            }
            #expect(received == size)
            #expect(intact)
            #expect(peak <= limit + (64 << 10))  // the limit plus at most one network read
        }

        @Test func anEmptyBodyEndsAtOnce() async throws {
            try await withClient { client in
                let response = try await client.stream(HTTPRequest(url: server.url("/status/204")))
                #expect(response.status == 204)
                #expect(try await response.body.collect(upTo: 10).isEmpty)
            }
        }
    }
}
