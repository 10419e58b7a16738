@testable import GatewayHTTP
import Testing

/// The token the bearer check verifies: the header's value without the blanks around it.
struct BearerTokenTextTests {
    @Test(arguments: [
        ("abc.def.ghi", "abc.def.ghi"), ("  abc.def.ghi", "abc.def.ghi"), ("abc.def.ghi \t", "abc.def.ghi"),
        ("\t abc.def.ghi  ", "abc.def.ghi"), ("   ", ""), ("", ""), ("a b", "a b"),
    ])
    func blanksAroundTheTokenAreDropped(header: String, token: String) {
        #expect(BearerAuthMiddleware.withoutBlanks(Substring(header)) == token)
    }
}
