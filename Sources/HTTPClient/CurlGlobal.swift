import CCurl

/// libcurl's process-wide initialisation, run once before the first handle is created.
///
/// `curl_global_init` is not thread-safe, so it runs inside a `static let` initialiser, which
/// Swift guarantees to execute exactly once even when many threads race to read it. It is never
/// undone: `curl_global_cleanup` would break any other libcurl user in the process.
enum CurlGlobal {
    private static let result: CURLcode = curl_global_init(3)  // CURL_GLOBAL_ALL, a macro Swift cannot import

    /// Runs the one-time initialisation if no one has yet; throws if libcurl could not start.
    static func initialize() throws(HTTPClientError) {
        guard result == CURLE_OK else {
            throw HTTPClientError(curlCode: result, message: "curl_global_init failed")
        }
    }
}
