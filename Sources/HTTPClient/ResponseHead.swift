/// The status and header fields of a response, known before its body.
struct ResponseHead: Sendable {
    var status: Int
    var headers: HTTPHeaders
}

/// Collects the header lines libcurl hands over, one at a time, into the final response's head.
///
/// libcurl reports the heads of interim (1xx) responses and of followed redirects too; a status
/// line starts a new head, and the blank line ends one. Lines after the final head (trailers)
/// are ignored.
struct ResponseHeadParser {
    private(set) var headers = HTTPHeaders()
    private(set) var isComplete = false

    /// Consumes one raw line; returns `true` when it completed the final head.
    ///
    /// - Parameters:
    ///   - line: the line's bytes, line ending included.
    ///   - status: reads the status of the head the blank line ends.
    ///   - followsRedirects: whether libcurl will follow a 3xx with a `Location`.
    mutating func consume(_ line: UnsafeRawBufferPointer, status: () -> Int, followsRedirects: Bool) -> Bool {
        guard !isComplete else { return false }
        let text = Self.trimmingLineEnding(line)
        if text.isEmpty {
            return endOfHead(status: status(), followsRedirects: followsRedirects)
        }
        if text.starts(with: "HTTP/".utf8) {
            headers = HTTPHeaders()
        } else {
            addField(text)
        }
        return false
    }

    private mutating func endOfHead(status: Int, followsRedirects: Bool) -> Bool {
        let isInterim = status < 200
        let isFollowedRedirect =
            followsRedirects && (300..<400).contains(status) && status != 304
            && headers.contains(name: "Location")
        if isInterim || isFollowedRedirect {
            headers = HTTPHeaders()
            return false
        }
        isComplete = true
        return true
    }

    private mutating func addField(_ text: Slice<UnsafeRawBufferPointer>) {
        guard let colon = text.firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = String(decoding: text[..<colon], as: UTF8.self)
        let value = String(decoding: text[(colon + 1)...], as: UTF8.self)
        headers.add(name: name, value: value.trimmingWhitespace())
    }

    private static func trimmingLineEnding(_ line: UnsafeRawBufferPointer) -> Slice<UnsafeRawBufferPointer> {
        var text = line[...]
        while let last = text.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") {
            text = text.dropLast()
        }
        return text
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    fileprivate func trimmingWhitespace() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
