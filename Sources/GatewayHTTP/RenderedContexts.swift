import Hummingbird
import PlutusWire
import Synchronization

/// The JSON last rendered for each user's context, so that `GET /context/current` asked again for a
/// context that has not changed answers with the same bytes instead of encoding ~60 KB of JSON
/// again (a third of the gateway's CPU on that route).
///
/// A body is reused only for a context equal, field by field, to the one it was rendered from, so
/// it can never be stale; at most `capacity` users' bodies are held, and when full an arbitrary one
/// makes room.
final class RenderedContexts: Sendable {
    private struct Rendered {
        let context: UserContext
        let body: ByteBuffer
    }

    private let capacity: Int
    private let rendered = Mutex<[String: Rendered]>([:])

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// `context` as JSON: the body rendered before if the context is the same, else `render`'s, kept.
    func body(of context: UserContext, render: (UserContext) throws -> ByteBuffer) rethrows -> ByteBuffer {
        if let kept = rendered.withLock({ $0[context.userID] }), kept.context == context {
            return kept.body
        }
        let body = try render(context)
        guard capacity > 0 else { return body }
        rendered.withLock { rendered in
            if rendered[context.userID] == nil, rendered.count >= capacity {
                rendered.remove(at: rendered.startIndex)
            }
            rendered[context.userID] = Rendered(context: context, body: body)
        }
        return body
    }

    /// How many users' bodies are held.
    var count: Int { rendered.withLock { $0.count } }
}
