import HTTPClient
import Logging
import Testing

extension HTTPClientTests {
    @Suite struct Concurrency {
        let server: TestServer

        init() throws { server = try TestServer.shared() }

        @Test func manyConcurrentSlowRequestsShareOneThread() async throws {
            let count = 200
            try await withClient { client in
                _ = try await client.execute(HTTPRequest(url: server.url("/ok")))  // the loop thread is up
                let before = (curl: curlThreadCount(), all: processThreadCount())
                let start = ContinuousClock.now
                let sampler = Task {
                    var peak = (curl: 0, all: 0)
                    while !Task.isCancelled {
                        peak = (max(peak.curl, curlThreadCount()), max(peak.all, processThreadCount()))
                        try? await Task.sleep(for: .milliseconds(20))
                    }
                    return peak
                }
                let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<count {
                        group.addTask { try await client.execute(HTTPRequest(url: server.url("/slow?ms=300"))).status }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
                let elapsed = ContinuousClock.now - start
                sampler.cancel()
                let peak = await sampler.value
                #expect(statuses == Array(repeating: 200, count: count))
                #expect(elapsed < .milliseconds(300 * count) / 10)
                // Other suites may start a client (a loop thread) of their own meanwhile; a thread per
                // request would add 200.
                #expect(peak.curl <= before.curl + 4, "curl threads grew from \(before.curl) to \(peak.curl)")
                // Other suites open connection threads meanwhile; a thread per request would add 200.
                #expect(peak.all <= before.all + 32, "threads grew from \(before.all) to \(peak.all)")
            }
        }

        @Test func aClientDroppedWithoutShutdownStopsItsThread() async throws {
            // Loop threads of clients shut down by earlier tests end asynchronously: let them go first.
            for _ in 0..<200 where curlThreadCount() > 0 {
                try await Task.sleep(for: .milliseconds(10))
            }
            let before = curlThreadCount()
            do {
                let client = try HTTPClient(configuration: .init(proxy: .none), logger: .init(label: "plutus.http.test"))
                #expect(try await client.execute(HTTPRequest(url: server.url("/ok"))).status == 200)
                #expect(curlThreadCount() == before + 1)
            }
            var after = curlThreadCount()
            for _ in 0..<100 where after > before {
                try await Task.sleep(for: .milliseconds(20))
                after = curlThreadCount()
            }
            #expect(after <= before)
        }

        @Test func oneClientServesConcurrentStreamsAndRequests() async throws {
            try await withClient { client in
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for index in 0..<20 {
                        group.addTask {
                            if index.isMultiple(of: 2) {
                                return try await client.execute(HTTPRequest(url: server.url("/large?bytes=100000")))
                                    .body.count
                            }
                            let response = try await client.stream(HTTPRequest(url: server.url("/large?bytes=100000")))
                            return try await response.body.collect(upTo: 1 << 20).count
                        }
                    }
                    for try await size in group { #expect(size == 100_000) }
                }
            }
        }
    }
}
