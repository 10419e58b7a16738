/// One server-sent event: its type (`event:`), its data (`data:` lines joined by newlines) and
/// its id, if any.
public struct ServerSentEvent: Sendable, Hashable {
    /// The `event:` field, `message` when the server gave none.
    public var type: String
    public var data: String
    public var id: String?

    public init(type: String = "message", data: String, id: String? = nil) {
        self.type = type
        self.data = data
        self.id = id
    }
}

/// Parses a `text/event-stream` body as the WHATWG HTML standard defines it, from byte chunks of
/// any size: lines may end in LF, CRLF or CR (a CRLF split across two chunks is one line end),
/// UTF-8 characters may be split across chunks, comments and unknown fields are ignored, and an
/// event is dispatched at a blank line.
///
/// ```swift
/// var parser = ServerSentEventParser()
/// for try await chunk in response.body {
///     for event in parser.push(chunk) { handle(event) }
/// }
/// ```
public struct ServerSentEventParser: Sendable {
    private var line: [UInt8] = []
    private var lastByteWasCR = false
    private var onFirstLine = true
    private var eventType = ""
    private var data: [UInt8] = []
    private var hasData = false
    private var lastEventID: String?

    /// The longest line accepted; a server that sends more without a line end is broken.
    public let maximumLineLength: Int

    public init(maximumLineLength: Int = 1 << 20) {
        self.maximumLineLength = maximumLineLength
    }

    /// Feeds the next chunk of the body and returns the events it completed, in order.
    /// - Throws: ``ModelError`` (`invalidResponse`) when a line grows past ``maximumLineLength``.
    public mutating func push(_ chunk: some Collection<UInt8>) throws(ModelError) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        for byte in chunk {
            switch byte {
            case UInt8(ascii: "\n") where lastByteWasCR:
                lastByteWasCR = false  // the LF of a CRLF: the line already ended at the CR
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                lastByteWasCR = byte == UInt8(ascii: "\r")
                if let event = endLine() { events.append(event) }
            default:
                lastByteWasCR = false
                line.append(byte)
                guard line.count <= maximumLineLength else {
                    throw ModelError(.invalidResponse, "an event-stream line is longer than \(maximumLineLength) bytes")
                }
            }
        }
        return events
    }

    private mutating func endLine() -> ServerSentEvent? {
        defer { line.removeAll(keepingCapacity: true) }
        if onFirstLine {
            onFirstLine = false
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }  // the byte-order mark
        }
        guard !line.isEmpty else { return dispatch() }
        guard line[0] != UInt8(ascii: ":") else { return nil }  // a comment
        let colon = line.firstIndex(of: UInt8(ascii: ":"))
        let field = String(decoding: line[..<(colon ?? line.endIndex)], as: UTF8.self)
        var value = colon.map { line[line.index(after: $0)...] } ?? []
        if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
        switch field {
        case "event":
            eventType = String(decoding: value, as: UTF8.self)
        case "data":
            if hasData { data.append(UInt8(ascii: "\n")) }
            data.append(contentsOf: value)
            hasData = true
        case "id" where !value.contains(0):
            lastEventID = String(decoding: value, as: UTF8.self)
        default:
            break  // `retry` and unknown fields
        }
        return nil
    }

    private mutating func dispatch() -> ServerSentEvent? {
        defer {
            eventType = ""
            data.removeAll(keepingCapacity: true)
            hasData = false
        }
        guard hasData else { return nil }
        let type = eventType.isEmpty ? "message" : eventType
        return ServerSentEvent(type: type, data: String(decoding: data, as: UTF8.self), id: lastEventID)
    }
}
