import CCurl
import CCurlShim

/// The single owner of one libcurl easy handle (`CURL*`), the header list and the error buffer
/// it points at; all three are freed in `deinit`.
///
/// Not `Sendable`: it is configured by the task that creates it, then used only by the loop
/// thread of ``CurlMultiLoop`` while the transfer runs (see ``Transfer``).
final class CurlEasy {
    /// The raw handle; never leaves this module.
    let handle: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init() throws(HTTPClientError) {
        try CurlGlobal.initialize()
        guard let handle = curl_easy_init() else {
            throw HTTPClientError(code: .other, message: "curl_easy_init failed")
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// libcurl's message for the last failure, or an empty string.
    var errorMessage: String { String(cString: errorBuffer) }

    /// The status code of the most recent response (0 before one arrived).
    var responseCode: Int {
        var code = 0
        _ = plutus_curl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    /// Pauses or continues the transfer (`CURLPAUSE_*` bits); call only on the loop thread.
    func pause(_ bitmask: Int32) -> CURLcode {
        curl_easy_pause(handle, bitmask)
    }
}

extension CurlEasy {
    func set(_ option: CURLoption, _ value: Int) throws(HTTPClientError) {
        try check(plutus_curl_easy_setopt_long(handle, option, value), option)
    }

    func set(_ option: CURLoption, _ value: Bool) throws(HTTPClientError) {
        try set(option, value ? 1 : 0)
    }

    /// Sets a string option; libcurl copies the string.
    func set(_ option: CURLoption, _ value: String) throws(HTTPClientError) {
        try check(plutus_curl_easy_setopt_string(handle, option, value), option)
    }

    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws(HTTPClientError) {
        try check(plutus_curl_easy_setopt_pointer(handle, option, pointer), option)
    }

    func set(_ option: CURLoption, callback: plutus_curl_data_callback) throws(HTTPClientError) {
        try check(plutus_curl_easy_setopt_data_callback(handle, option, callback), option)
    }

    /// Sends `body` as the request body; libcurl copies the bytes (`CURLOPT_COPYPOSTFIELDS`).
    func setBody(_ body: [UInt8]) throws(HTTPClientError) {
        let size = plutus_curl_easy_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
        try check(size, CURLOPT_POSTFIELDSIZE_LARGE)
        guard !body.isEmpty else { return try set(CURLOPT_COPYPOSTFIELDS, "") }
        // libcurl only reads (and copies) the bytes; the mutable pointer is its C signature.
        let code = body.withUnsafeBytes { bytes in
            plutus_curl_easy_setopt_pointer(
                handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
        }
        try check(code, CURLOPT_COPYPOSTFIELDS)
    }

    /// Replaces the request header list with `lines` (`"Name: value"`); this object owns the list.
    func setHeaderLines(_ lines: [String]) throws(HTTPClientError) {
        var list: UnsafeMutablePointer<curl_slist>?
        for line in lines {
            guard let appended = curl_slist_append(list, line) else {
                curl_slist_free_all(list)
                throw HTTPClientError(code: .other, message: "curl_slist_append failed")
            }
            list = appended
        }
        let code = plutus_curl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, list)
        guard code == CURLE_OK else {
            curl_slist_free_all(list)
            return try check(code, CURLOPT_HTTPHEADER)
        }
        curl_slist_free_all(headerList)
        headerList = list
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(HTTPClientError) {
        guard code != CURLE_OK else { return }
        throw HTTPClientError(curlCode: code, message: "curl_easy_setopt(\(option.rawValue)) failed")
    }
}
