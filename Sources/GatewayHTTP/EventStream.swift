import Foundation
import Hummingbird

/// One server-sent event of `POST /chat/message` with `Accept: text/event-stream`: `node` when a
/// graph node starts, `token` for each piece of the reply as it is written, and last either
/// `done` (the same JSON the plain request answers) or `error` (a problem).
enum ChatStreamEvent: Sendable {
    case node(String)
    case token(node: String, text: String)
    /// The answer's JSON, encoded.
    case done([UInt8])
    case error(Problem)

    static let mediaType = "text/event-stream"

    /// The event as it goes on the wire: `event:` and one `data:` line of JSON (JSON has no raw
    /// newlines), then the blank line that ends it.
    var bytes: ByteBuffer {
        let (name, data): (String, Data)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        switch self {
        case .node(let node): (name, data) = ("node", (try? encoder.encode(["node": node])) ?? Data())
        case .token(let node, let text): (name, data) = ("token", (try? encoder.encode(["node": node, "text": text])) ?? Data())
        case .done(let reply): (name, data) = ("done", Data(reply))
        case .error(let problem): (name, data) = ("error", (try? encoder.encode(problem.body)) ?? Data())
        }
        var buffer = ByteBuffer()
        buffer.writeString("event: \(name)\ndata: ")
        buffer.writeBytes(data)
        buffer.writeString("\n\n")
        return buffer
    }

    /// Whether the client asked for the stream.
    static func isAccepted(by request: Request) -> Bool {
        request.headers[.accept]?.lowercased().contains(mediaType) == true
    }
}

