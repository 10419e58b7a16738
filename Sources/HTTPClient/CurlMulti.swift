import CCurl
import CCurlShim

/// The single owner of the libcurl multi handle (`CURLM*`), freed in `deinit`.
///
/// `@unchecked Sendable` is safe because only ``wakeup()`` is called from other threads, and
/// libcurl documents `curl_multi_wakeup` as thread-safe; every other method is called only by
/// the loop thread of ``CurlMultiLoop``. `deinit` runs once no thread holds a reference, so after
/// the loop thread has exited.
final class CurlMulti: @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer

    init() throws(HTTPClientError) {
        try CurlGlobal.initialize()
        guard let handle = curl_multi_init() else {
            throw HTTPClientError(code: .other, message: "curl_multi_init failed")
        }
        self.handle = handle
    }

    deinit {
        curl_multi_cleanup(handle)
    }

    /// Interrupts a `poll` in progress, or makes the next one return at once. Any thread.
    func wakeup() {
        _ = curl_multi_wakeup(handle)
    }

    func add(_ easy: CurlEasy) -> CURLMcode {
        curl_multi_add_handle(handle, easy.handle)
    }

    func remove(_ easy: CurlEasy) {
        _ = curl_multi_remove_handle(handle, easy.handle)
    }

    /// Does whatever I/O is ready without blocking.
    func perform() {
        var running: Int32 = 0
        _ = curl_multi_perform(handle, &running)
    }

    /// Blocks until a socket is ready, libcurl's next timeout, `timeoutMilliseconds`, or a wakeup.
    func poll(timeoutMilliseconds: Int32) {
        _ = curl_multi_poll(handle, nil, 0, timeoutMilliseconds, nil)
    }

    /// The next finished transfer's easy handle and result, if any.
    func nextCompletion() -> (easy: UnsafeMutableRawPointer, result: CURLcode)? {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(handle, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            return (easy, message.pointee.data.result)
        }
        return nil
    }
}
