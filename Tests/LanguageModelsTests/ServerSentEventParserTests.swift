import LanguageModels
import Testing

/// The WHATWG event-stream rules, from odd chunk boundaries.
struct ServerSentEventParserTests {
    func parse(_ text: String, chunkSize: Int = .max) throws -> [ServerSentEvent] {
        let bytes = Array(text.utf8)
        var parser = ServerSentEventParser()
        var events: [ServerSentEvent] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunkSize)
            events += try parser.push(bytes[start..<end])
            start = end
        }
        return events
    }

    @Test("LF, CRLF and lone CR all end lines, at any chunk boundary", arguments: [1, 2, 3, 1_000])
    func lineEnds(chunkSize: Int) throws {
        let text = "event: a\ndata: 1\n\nevent: b\r\ndata: 2\r\n\r\nevent: c\rdata: 3\r\r"
        #expect(try parse(text, chunkSize: chunkSize) == [
            ServerSentEvent(type: "a", data: "1"), ServerSentEvent(type: "b", data: "2"), ServerSentEvent(type: "c", data: "3"),
        ])
    }

    @Test("a CRLF split between chunks is one line end, not a blank line")
    func splitCRLF() throws {
        var parser = ServerSentEventParser()
        #expect(try parser.push(Array("data: x\r".utf8)).isEmpty)
        #expect(try parser.push(Array("\n".utf8)).isEmpty)
        #expect(try parser.push(Array("\r\n".utf8)) == [ServerSentEvent(data: "x")])
    }

    @Test("multi-byte characters split across chunks arrive whole")
    func splitUTF8() throws {
        #expect(try parse("data: 💸 café ✓\n\n", chunkSize: 1) == [ServerSentEvent(data: "💸 café ✓")])
    }

    @Test("data lines join with newlines; one leading space is dropped; the type defaults to message")
    func fields() throws {
        #expect(try parse("data:a\ndata:  b\ndata\n\n") == [ServerSentEvent(data: "a\n b\n")])
    }

    @Test("comments, retry and unknown fields are ignored; id is kept")
    func ignored() throws {
        #expect(try parse(": keep-alive\nretry: 10\nfoo: bar\nid: 7\ndata: x\n\n") == [ServerSentEvent(data: "x", id: "7")])
    }

    @Test("a blank line without data dispatches nothing and resets the type")
    func emptyEvent() throws {
        #expect(try parse("event: ping\n\ndata: x\n\n") == [ServerSentEvent(data: "x")])
    }

    @Test("an event not closed by a blank line is not dispatched")
    func unterminated() throws {
        #expect(try parse("data: complete\n\ndata: partial\n") == [ServerSentEvent(data: "complete")])
    }

    @Test("a leading byte-order mark is skipped")
    func byteOrderMark() throws {
        #expect(try parse("\u{FEFF}event: a\ndata: 1\n\n") == [ServerSentEvent(type: "a", data: "1")])
    }

    @Test("a line longer than the limit is an error, not unbounded memory")
    func longLine() throws {
        var parser = ServerSentEventParser(maximumLineLength: 16)
        #expect(throws: ModelError.self) { try parser.push(Array(repeating: UInt8(ascii: "a"), count: 17)) }
    }
}
