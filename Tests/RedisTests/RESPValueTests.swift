import Redis
import Testing

@Suite("RESPValue and RESPArgument")
struct RESPValueTests {
    @Test func typedAccessors() {
        #expect(RESPValue.bulkString(Array("42".utf8)).int == 42)
        #expect(RESPValue.integer(7).int == 7)
        #expect(RESPValue.simpleString("OK").string == "OK")
        #expect(RESPValue.bulkString([0xC3, 0x28]).string == nil)
        #expect(RESPValue.bulkString([0xC3, 0x28]).bytes == [0xC3, 0x28])
        #expect(RESPValue.bulkString(Array("1.5".utf8)).double == 1.5)
        #expect(RESPValue.null.isNull)
        #expect(RESPValue.error("ERR x").errorMessage == "ERR x")
        #expect(RESPValue.array([.integer(1), .null]).array == [.integer(1), .null])
        #expect(RESPValue.integer(1).array == nil)
    }

    @Test func argumentsConvertLiteralsAndNumbers() {
        let arguments: [RESPArgument] = [
            "SET", 42, RESPArgument([0, 1]), RESPArgument(-1.5), RESPArgument(Double.infinity),
        ]
        #expect(
            arguments.map(\.bytes) == [
                Array("SET".utf8), Array("42".utf8), [0, 1], Array("-1.5".utf8), Array("inf".utf8),
            ])
    }

    @Test func keyTTLAccessor() {
        #expect(RedisKeyTTL.expires(in: .seconds(3)).remaining == .seconds(3))
        #expect(RedisKeyTTL.noExpiry.remaining == nil)
    }

    @Test(arguments: [
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        ),
        (String(repeating: "a", count: 1000), "291e9a6c66994949b57ba5e650361e98fc36b1ba"),
    ])
    func scriptDigestIsSHA1(source: String, digest: String) {
        #expect(RedisScript(source).sha1 == digest)
    }
}
