import CCurl

extension HTTPRequest {
    /// The URL's scheme (`http` or `https`) once the request is known to be well-formed.
    ///
    /// - Throws: ``HTTPClientError/Code/invalidURL`` or ``HTTPClientError/Code/invalidRequest``.
    func validatedScheme() throws(HTTPClientError) -> String {
        guard Self.isToken(method.rawValue) else {
            throw HTTPClientError(code: .invalidRequest, message: "invalid method \(method.rawValue.debugDescription)")
        }
        for field in headers {
            try Self.validate(field)
        }
        return try Self.scheme(of: url)
    }

    private static func validate(_ field: HTTPHeaders.Field) throws(HTTPClientError) {
        guard isToken(field.name) else {
            throw HTTPClientError(code: .invalidRequest, message: "invalid header name \(field.name.debugDescription)")
        }
        let forbidden: Set<UInt8> = [0, UInt8(ascii: "\r"), UInt8(ascii: "\n")]
        guard !field.value.utf8.contains(where: forbidden.contains) else {
            throw HTTPClientError(
                code: .invalidRequest, message: "header \(field.name) has a CR, LF or NUL in its value")
        }
    }

    /// Whether `text` is an RFC 9110 token (method names, header names).
    private static func isToken(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"):
                    return true
                default:
                    return "!#$%&'*+-.^_`|~".utf8.contains(byte)
                }
            }
    }

    /// Parses `url` with libcurl's own URL parser and returns its lower-case scheme.
    private static func scheme(of url: String) throws(HTTPClientError) -> String {
        guard !url.utf8.contains(0), let parsed = curl_url() else {
            throw HTTPClientError(code: .invalidURL, message: "invalid URL \(url.debugDescription)")
        }
        defer { curl_url_cleanup(parsed) }
        let code = curl_url_set(parsed, CURLUPART_URL, url, 0)
        guard code == CURLUE_OK else {
            let reason = String(cString: curl_url_strerror(code))
            throw HTTPClientError(code: .invalidURL, message: "invalid URL \(url.debugDescription): \(reason)")
        }
        var scheme: UnsafeMutablePointer<CChar>?
        guard curl_url_get(parsed, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK, let scheme else {
            throw HTTPClientError(code: .invalidURL, message: "URL \(url.debugDescription) has no scheme")
        }
        defer { curl_free(scheme) }
        let name = String(cString: scheme).lowercased()
        guard name == "http" || name == "https" else {
            throw HTTPClientError(code: .invalidURL, message: "unsupported scheme \(name) in \(url.debugDescription)")
        }
        return name
    }
}
