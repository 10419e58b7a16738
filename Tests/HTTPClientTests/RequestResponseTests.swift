import HTTPClient
import Testing

extension HTTPClientTests {
    @Suite struct RequestResponse {
        let server: TestServer

        init() throws { server = try TestServer.shared() }

        @Test func getReturnsStatusHeadersAndBody() async throws {
            let response = try await withClient { try await $0.execute(HTTPRequest(url: server.url("/ok"))) }
            #expect(response.status == 200)
            #expect(response.text == "ok")
            #expect(response.headers["content-length"] == "2")
            #expect(response.headers["CONTENT-TYPE"] == "text/plain")
        }

        @Test func postRoundTripsBodyAndHeaders() async throws {
            let body = Array(#"{"hello":"wörld"}"#.utf8)
            let request = HTTPRequest(
                method: .post, url: server.url("/echo?x=1"),
                headers: ["Content-Type": "application/json", "X-Plutus-Test": "yes", "X-Empty": ""], body: body
            )
            let echo = try Echo(try await withClient { try await $0.execute(request) })
            #expect(echo.method == "POST")
            #expect(echo.target == "/echo?x=1")
            #expect(echo.body == #"{"hello":"wörld"}"#)
            #expect(echo.header("content-type") == "application/json")
            #expect(echo.header("x-plutus-test") == "yes")
            #expect(echo.header("x-empty") == "")
            #expect(echo.header("expect") == nil)
            #expect(echo.header("user-agent") == "plutus-http/1")
        }

        @Test(arguments: [HTTPRequest.Method.put, .patch, .delete, .options, "PROPFIND"])
        func otherMethodsAreSentAsGiven(method: HTTPRequest.Method) async throws {
            let body: [UInt8]? = method == .delete ? nil : Array("payload".utf8)
            let request = HTTPRequest(method: method, url: server.url("/echo"), body: body)
            let echo = try Echo(try await withClient { try await $0.execute(request) })
            #expect(echo.method == method.rawValue)
            #expect(echo.body == (body == nil ? "" : "payload"))
            #expect(body != nil || echo.header("content-type") == nil)
        }

        @Test func headReturnsHeadersWithoutBody() async throws {
            let response = try await withClient {
                try await $0.execute(HTTPRequest(method: .head, url: server.url("/ok")))
            }
            #expect(response.status == 200)
            #expect(response.body.isEmpty)
            #expect(response.headers["content-length"] == "2")
        }

        @Test func errorStatusIsAResponseWithItsHeaders() async throws {
            let response = try await withClient {
                try await $0.execute(HTTPRequest(url: server.url("/status/429?retry_after=2")))
            }
            #expect(response.status == 429)
            #expect(response.headers["retry-after"] == "2")
            #expect(response.text == "status 429")
        }

        @Test(arguments: [404, 500, 503])
        func otherStatusCodes(status: Int) async throws {
            let response = try await withClient {
                try await $0.execute(HTTPRequest(url: server.url("/status/\(status)")))
            }
            #expect(response.status == status)
        }

        @Test func repeatedHeadersAreKeptAndLookupIgnoresCase() async throws {
            let response = try await withClient { try await $0.execute(HTTPRequest(url: server.url("/headers"))) }
            #expect(response.headers.values(for: "set-cookie") == ["a=1", "b=2"])
            #expect(response.headers["x-mixed-case"] == "Value")
            #expect(response.headers.contains { $0.name == "X-Mixed-Case" })
        }

        @Test func redirectsAreFollowedUpToTheLimit() async throws {
            let followed = try await withClient { try await $0.execute(HTTPRequest(url: server.url("/redirect?n=2"))) }
            #expect(followed.status == 200)
            #expect(followed.text == "ok")
            #expect(followed.headers["location"] == nil)

            let limited = HTTPClient.Configuration(proxy: .none, maximumRedirects: 2)
            let code = await errorCode {
                try await withClient(limited) { try await $0.execute(HTTPRequest(url: server.url("/redirect?n=5"))) }
            }
            #expect(code == .tooManyRedirects)
        }

        @Test func redirectsAreReturnedWhenNotFollowed() async throws {
            let configuration = HTTPClient.Configuration(proxy: .none, maximumRedirects: 0)
            let response = try await withClient(configuration) {
                try await $0.execute(HTTPRequest(url: server.url("/redirect?n=1")))
            }
            #expect(response.status == 302)
            #expect(response.headers["location"] == "/redirect?n=0")
        }

        @Test func aBodyPastTheLimitFails() async throws {
            let configuration = HTTPClient.Configuration(proxy: .none, maximumBodySize: 1000)
            let code = await errorCode {
                try await withClient(configuration) {
                    try await $0.execute(HTTPRequest(url: server.url("/large?bytes=5000")))
                }
            }
            #expect(code == .responseTooLarge)
        }

        @Test func largeBodiesArriveIntact() async throws {
            let size = 3_000_000
            let response = try await withClient {
                try await $0.execute(HTTPRequest(url: server.url("/large?bytes=\(size)")))
            }
            #expect(response.body.count == size)
            #expect(response.body.enumerated().allSatisfy { $0.element == UInt8($0.offset % 251) })
        }
    }
}
