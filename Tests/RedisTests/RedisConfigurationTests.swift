import Redis
import Testing

@Suite("RedisConfiguration")
struct RedisConfigurationTests {
    @Test func parsesTCPURLWithPasswordAndDatabase() throws {
        let configuration = try RedisConfiguration(url: "redis://:s3cr%40t@cache.internal:6380/4")
        #expect(configuration.endpoint == .tcp(host: "cache.internal", port: 6380))
        #expect(configuration.password == "s3cr@t")
        #expect(configuration.username == nil)
        #expect(configuration.database == 4)
        #expect(configuration.poolSize == 8)
    }

    @Test func parsesUserAndDefaults() throws {
        let configuration = try RedisConfiguration(url: "redis://app:pw@localhost")
        #expect(configuration.endpoint == .tcp(host: "localhost", port: 6379))
        #expect(configuration.username == "app")
        #expect(configuration.password == "pw")
        #expect(configuration.database == 0)
    }

    @Test func parsesUnixSocketURL() throws {
        let configuration = try RedisConfiguration(url: "unix:///run/redis/redis.sock?db=2&password=pw")
        #expect(configuration.endpoint == .unixSocket(path: "/run/redis/redis.sock"))
        #expect(configuration.database == 2)
        #expect(configuration.password == "pw")
    }

    @Test(arguments: [
        "", "http://localhost:6379", "rediss://localhost:6379", "redis://localhost:notaport",
        "redis://localhost:6379/abc", "redis:///0", "redis://localhost:70000", "unix://", "unix:///tmp/s?db=x",
        "redis://user@localhost",
    ])
    func rejectsInvalidURLs(url: String) {
        let error = #expect(throws: RedisError.self) { try RedisConfiguration(url: url) }
        #expect(error?.code == .invalidURL)
    }

    @Test func invalidURLErrorsHideThePassword() {
        let error = #expect(throws: RedisError.self) { try RedisConfiguration(url: "redis://:hunter2@host/x") }
        #expect(error?.message.contains("hunter2") == false)
    }

    @Test func clientRejectsInvalidURL() {
        let error = #expect(throws: RedisError.self) {
            try RedisClient(url: "postgres://localhost", logger: RedisTestSupport.logger)
        }
        #expect(error?.code == .invalidURL)
    }
}
