import HTTPClient
import Testing

extension HTTPClientTests {
    @Suite struct Proxy {
        let server: TestServer

        init() throws { server = try TestServer.shared() }

        private func echo(_ url: String, _ variables: [String: String]) async throws -> (HTTPResponse, Echo) {
            let configuration = HTTPClient.Configuration(proxy: ProxyEnvironment(variables))
            let response = try await withClient(configuration) { try await $0.execute(HTTPRequest(url: url)) }
            return (response, try Echo(response))
        }

        @Test(arguments: ["http_proxy", "HTTP_PROXY", "all_proxy"])
        func theProxyFromTheEnvironmentIsUsed(variable: String) async throws {
            let (response, echo) = try await echo("http://plutus-proxy-test.invalid/echo", [variable: server.url("")])
            #expect(response.headers["x-proxied"] == "yes")
            #expect(echo.proxied)
            #expect(echo.target == "http://plutus-proxy-test.invalid/echo")
        }

        @Test func noProxyBypassesIt() async throws {
            let proxy = server.url("")
            let (viaProxy, _) = try await echo(server.url("/echo"), ["http_proxy": proxy])
            #expect(viaProxy.headers["x-proxied"] == "yes")
            for noProxy in ["127.0.0.1", "example.com,127.0.0.1", "*"] {
                let (direct, echo) = try await echo(server.url("/echo"), ["http_proxy": proxy, "NO_PROXY": noProxy])
                #expect(direct.headers["x-proxied"] == nil)
                #expect(!echo.proxied)
            }
        }

        @Test func noProxyEnvironmentMeansDirect() async throws {
            let (response, echo) = try await echo(server.url("/echo"), ["PATH": "/usr/bin"])
            #expect(response.headers["x-proxied"] == nil)
            #expect(!echo.proxied)
        }

        @Test func resolutionPrefersTheSchemeAndLowerCase() {
            let environment = ProxyEnvironment([
                "http_proxy": "http://lower:1", "HTTP_PROXY": "http://upper:1",
                "HTTPS_PROXY": "http://secure:1", "all_proxy": "http://all:1", "no_proxy": "a.com",
            ])
            #expect(environment.proxy(forScheme: "http") == "http://lower:1")
            #expect(environment.proxy(forScheme: "https") == "http://secure:1")
            #expect(ProxyEnvironment(["all_proxy": "http://all:1"]).proxy(forScheme: "https") == "http://all:1")
            #expect(environment.noProxy == "a.com")
            #expect(ProxyEnvironment.none.proxy(forScheme: "http") == nil)
            #expect(ProxyEnvironment(["http_proxy": "  "]).proxy(forScheme: "http") == nil)
        }
    }
}
