import HTTPClient
import Testing

extension HTTPClientTests {
    @Suite struct Failures {
        let server: TestServer

        init() throws { server = try TestServer.shared() }

        @Test func aRequestPastItsTimeoutFailsQuickly() async throws {
            let start = ContinuousClock.now
            let code = await errorCode {
                try await withClient {
                    try await $0.execute(HTTPRequest(url: server.url("/slow?ms=5000"), timeout: .milliseconds(300)))
                }
            }
            #expect(code == .timedOut)
            #expect(ContinuousClock.now - start < .seconds(3))
        }

        @Test func theClientTimeoutAppliesByDefault() async throws {
            let configuration = HTTPClient.Configuration(timeout: .milliseconds(300), proxy: .none)
            let code = await errorCode {
                try await withClient(configuration) {
                    try await $0.execute(HTTPRequest(url: server.url("/slow?ms=5000")))
                }
            }
            #expect(code == .timedOut)
        }

        @Test func aRefusedConnectionIsConnectFailed() async throws {
            let error = await error {
                try await withClient { try await $0.execute(HTTPRequest(url: "http://127.0.0.1:1/ok")) }
            }
            let clientError = try #require(error as? HTTPClientError)
            #expect(clientError.code == .connectFailed)
            #expect(clientError.curlCode == 7)
            #expect(!clientError.message.isEmpty)
        }

        @Test(arguments: ["", "not a url", "ftp://127.0.0.1/file", "http://exa mple.com/", "http://[::1/", "/relative"])
        func invalidURLsAreErrors(url: String) async throws {
            let code = await errorCode { try await withClient { try await $0.execute(HTTPRequest(url: url)) } }
            #expect(code == .invalidURL)
        }

        @Test func headerInjectionIsRejected() async throws {
            let badValue = HTTPRequest(url: server.url("/ok"), headers: ["X-Bad": "a\r\nX-Injected: 1"])
            let badName = HTTPRequest(url: server.url("/ok"), headers: ["Bad Name": "x"])
            let badMethod = HTTPRequest(method: "GE T", url: server.url("/ok"))
            for request in [badValue, badName, badMethod] {
                let code = await errorCode { try await withClient { try await $0.execute(request) } }
                #expect(code == .invalidRequest)
            }
        }

        @Test func aResetMidBodyIsANetworkError() async throws {
            let code = await errorCode {
                try await withClient { try await $0.execute(HTTPRequest(url: server.url("/reset"))) }
            }
            #expect(code == .network)
        }

        @Test func aResetMidStreamFailsTheBody() async throws {
            let code = await errorCode {
                try await withClient { client in
                    let response = try await client.stream(HTTPRequest(url: server.url("/reset")))
                    #expect(response.status == 200)
                    return try await response.body.collect(upTo: 1 << 20)
                }
            }
            #expect(code == .network)
        }

        @Test func tlsIsVerifiedByDefault() async throws {
            let error = await error {
                try await withClient { try await $0.execute(HTTPRequest(url: server.tlsURL("/ok"))) }
            }
            let clientError = try #require(error as? HTTPClientError)
            #expect(clientError.code == .tls)
            #expect(clientError.curlCode == 60)  // CURLE_PEER_FAILED_VERIFICATION
        }

        @Test func aConfiguredCAFileIsTrusted() async throws {
            let tls = HTTPClient.Configuration.TLS(caFile: server.certificateFile)
            let response = try await withClient(HTTPClient.Configuration(tls: tls, proxy: .none)) {
                try await $0.execute(HTTPRequest(url: server.tlsURL("/ok")))
            }
            #expect(response.status == 200)
            #expect(response.text == "ok")
        }

        @Test func turningVerificationOffIsExplicit() async throws {
            let tls = HTTPClient.Configuration.TLS(verifyPeer: false, verifyHost: false)
            let response = try await withClient(HTTPClient.Configuration(tls: tls, proxy: .none)) {
                try await $0.execute(HTTPRequest(url: server.tlsURL("/ok")))
            }
            #expect(response.status == 200)
        }
    }
}
