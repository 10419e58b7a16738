import CCurl

extension CurlEasy {
    /// An easy handle configured for `request` under `configuration`; callbacks are set separately.
    ///
    /// - Throws: ``HTTPClientError`` with ``HTTPClientError/Code/invalidURL`` or
    ///   ``HTTPClientError/Code/invalidRequest`` for a bad request; never traps.
    static func make(
        for request: HTTPRequest,
        configuration: HTTPClient.Configuration
    ) throws(HTTPClientError) -> CurlEasy {
        let scheme = try request.validatedScheme()
        let easy = try CurlEasy()
        try easy.set(CURLOPT_URL, request.url)
        try easy.set(CURLOPT_PROTOCOLS_STR, "http,https")
        try easy.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try easy.set(CURLOPT_NOSIGNAL, true)  // signals and threads don't mix
        try easy.applyMethodAndBody(of: request)
        try easy.applyHeaders(of: request, userAgent: configuration.userAgent)
        try easy.applyLimits(of: request, configuration: configuration)
        try easy.applyTLS(configuration.tls)
        try easy.applyProxy(configuration.proxy, scheme: scheme)
        return easy
    }

    private func applyMethodAndBody(of request: HTTPRequest) throws(HTTPClientError) {
        let method = request.method
        let sendsBody = request.body != nil || [.post, .put, .patch].contains(method)
        if sendsBody {
            try setBody(request.body ?? [])
            if method != .post { try set(CURLOPT_CUSTOMREQUEST, method.rawValue) }
        } else if method == .get {
            try set(CURLOPT_HTTPGET, true)
        } else if method == .head {
            try set(CURLOPT_NOBODY, true)
        } else {
            try set(CURLOPT_CUSTOMREQUEST, method.rawValue)
        }
    }

    private func applyHeaders(of request: HTTPRequest, userAgent: String?) throws(HTTPClientError) {
        // curl's syntax: "Name;" sends an empty value, "Name:" removes a header curl would add.
        var lines = request.headers.map { $0.value.isEmpty ? "\($0.name);" : "\($0.name): \($0.value)" }
        lines.append("Expect:")  // no 100-continue round trip for large bodies
        if request.body != nil, !request.headers.contains(name: "Content-Type") {
            lines.append("Content-Type:")  // not curl's default application/x-www-form-urlencoded
        }
        try setHeaderLines(lines)
        if let userAgent, !request.headers.contains(name: "User-Agent") {
            try set(CURLOPT_USERAGENT, userAgent)
        }
    }

    private func applyLimits(of request: HTTPRequest, configuration: HTTPClient.Configuration) throws(HTTPClientError) {
        let timeout = request.timeout ?? configuration.timeout
        try set(CURLOPT_TIMEOUT_MS, timeout.map(Self.milliseconds) ?? 0)
        try set(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.connectTimeout ?? configuration.connectTimeout))
        try set(CURLOPT_FOLLOWLOCATION, configuration.maximumRedirects > 0)
        try set(CURLOPT_MAXREDIRS, max(configuration.maximumRedirects, 0))
    }

    private func applyTLS(_ tls: HTTPClient.Configuration.TLS) throws(HTTPClientError) {
        try set(CURLOPT_SSL_VERIFYPEER, tls.verifyPeer)
        try set(CURLOPT_SSL_VERIFYHOST, tls.verifyHost ? 2 : 0)
        if let caFile = tls.caFile { try set(CURLOPT_CAINFO, caFile) }
    }

    /// Sets the proxy explicitly, so libcurl never consults the process environment itself.
    private func applyProxy(_ environment: ProxyEnvironment, scheme: String) throws(HTTPClientError) {
        try set(CURLOPT_PROXY, environment.proxy(forScheme: scheme) ?? "")  // "" means no proxy
        try set(CURLOPT_NOPROXY, environment.noProxy ?? "")  // "" means no host bypasses it
        try set(CURLOPT_SUPPRESS_CONNECT_HEADERS, true)  // the tunnel's reply is not the response
    }

    /// Whole milliseconds, at least 1 (0 would mean "no limit" to libcurl), clamped to `Int`.
    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        guard seconds < Int64.max / 1000 else { return Int.max }
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
