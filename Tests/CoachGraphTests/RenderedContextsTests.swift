@testable import GatewayHTTP
import Hummingbird
import PlutusWire
import Testing

/// The JSON kept for `GET /context/current`: reused only for an equal context, and bounded.
struct RenderedContextsTests {
    private static func text(_ context: UserContext) -> ByteBuffer {
        ByteBuffer(string: "\(context.userID):\(context.version):\(context.profile?.name ?? "")")
    }

    @Test func anEqualContextGetsTheSameBodyWithoutRenderingAgain() {
        let rendered = RenderedContexts(capacity: 8)
        var renders = 0
        let context = UserContext(userID: "u1", version: 3, profile: UserProfile(name: "Avery"))
        for _ in 0..<2 {
            let body = rendered.body(of: context) { renders += 1; return Self.text($0) }
            #expect(body == ByteBuffer(string: "u1:3:Avery"))
        }
        #expect(renders == 1)
    }

    @Test func anyDifferenceRendersAgain() {
        let rendered = RenderedContexts(capacity: 8)
        var renders = 0
        var context = UserContext(userID: "u1", version: 3, profile: UserProfile(name: "Avery"))
        _ = rendered.body(of: context) { renders += 1; return Self.text($0) }
        context.profile?.name = "Avery Q."  // the same version, different content
        #expect(rendered.body(of: context) { renders += 1; return Self.text($0) } == ByteBuffer(string: "u1:3:Avery Q."))
        context.version = 4
        #expect(rendered.body(of: context) { renders += 1; return Self.text($0) } == ByteBuffer(string: "u1:4:Avery Q."))
        #expect(renders == 3)
    }

    @Test func atMostCapacityUsersAreKept() {
        let rendered = RenderedContexts(capacity: 2)
        var renders = 0
        for user in 0..<5 {
            _ = rendered.body(of: UserContext(userID: "u\(user)")) { renders += 1; return Self.text($0) }
        }
        #expect(rendered.count == 2 && renders == 5)
        let none = RenderedContexts(capacity: 0)
        _ = none.body(of: UserContext(userID: "u1"), render: Self.text)
        #expect(none.count == 0)
    }
}
