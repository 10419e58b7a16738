import HTTPClient
import Testing

extension HTTPClientTests {
    @Suite struct Headers {
        @Test func lookupIgnoresCaseAndKeepsRepeats() {
            var headers: HTTPHeaders = ["Content-Type": "text/plain"]
            headers.add(name: "Set-Cookie", value: "a=1")
            headers.add(name: "set-cookie", value: "b=2")
            #expect(headers["content-type"] == "text/plain")
            #expect(headers.values(for: "SET-COOKIE") == ["a=1", "b=2"])
            #expect(headers.count == 3)
            #expect(headers["missing"] == nil)
        }

        @Test func replaceAndRemoveApplyToEveryCase() {
            var headers = HTTPHeaders([("X-A", "1"), ("x-a", "2"), ("X-B", "3")])
            headers.replaceOrAdd(name: "X-a", value: "9")
            #expect(headers.values(for: "x-a") == ["9"])
            headers.remove(name: "X-B")
            #expect(!headers.contains(name: "x-b"))
            #expect(headers.map(\.name) == ["X-a"])
        }
    }
}
