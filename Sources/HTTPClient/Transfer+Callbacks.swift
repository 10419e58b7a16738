import CCurl
import CCurlShim

// The libcurl side of a transfer. Everything here runs on the loop thread of `CurlMultiLoop`.

extension Transfer {
    /// Points libcurl's header and write callbacks at this transfer.
    ///
    /// The pointer is unretained: the loop's table of running transfers holds a strong reference
    /// from `curl_multi_add_handle` until after `curl_multi_remove_handle`, the only window in
    /// which libcurl calls back.
    func installCallbacks() throws(HTTPClientError) {
        let pointer = Unmanaged.passUnretained(self).toOpaque()
        try easy.set(CURLOPT_HEADERFUNCTION, callback: transferHeaderCallback)
        try easy.set(CURLOPT_HEADERDATA, pointer: pointer)
        try easy.set(CURLOPT_WRITEFUNCTION, callback: transferWriteCallback)
        try easy.set(CURLOPT_WRITEDATA, pointer: pointer)
    }

    /// libcurl finished the transfer with `code` (the handle is already out of the multi handle).
    func finish(_ code: CURLcode) {
        guard code == CURLE_OK else {
            return complete(.failure(failure ?? HTTPClientError(curlCode: code, message: easy.errorMessage)))
        }
        switch mode {
        case .buffered:
            complete(.response(HTTPResponse(status: easy.responseCode, headers: headParser.headers, body: body)))
        case .streamed:
            complete(.streamEnded(currentHead))
        }
    }

    fileprivate func receiveHeader(_ line: UnsafeRawBufferPointer) -> Int {
        let completed = headParser.consume(line, status: { easy.responseCode }, followsRedirects: followsRedirects)
        if completed, case .streamed = mode {
            deliverHeadOnce()
        }
        return line.count
    }

    fileprivate func receiveBody(_ chunk: UnsafeRawBufferPointer) -> Int {
        switch mode {
        case .buffered(let maximumBodySize):
            return receiveBuffered(chunk, maximumBodySize: maximumBodySize)
        case .streamed:
            deliverHeadOnce()  // normally done by the blank line ending the head
            switch receiveStreamed(chunk) {
            case .accept: return chunk.count
            case .pause: return Int(CURL_WRITEFUNC_PAUSE)
            case .abort: return 0
            }
        }
    }

    private func receiveBuffered(_ chunk: UnsafeRawBufferPointer, maximumBodySize: Int) -> Int {
        guard body.count + chunk.count <= maximumBodySize else {
            failure = HTTPClientError(code: .responseTooLarge, message: "body exceeds \(maximumBodySize) bytes")
            return 0
        }
        body.append(contentsOf: chunk)
        return chunk.count
    }

    private func deliverHeadOnce() {
        guard !headDelivered else { return }
        headDelivered = true
        deliverHead(currentHead)
    }

    private var currentHead: ResponseHead {
        ResponseHead(status: easy.responseCode, headers: headParser.headers)
    }
}

/// `CURLOPT_HEADERFUNCTION`: one header line per call.
private let transferHeaderCallback: plutus_curl_data_callback = { data, size, count, userdata in
    guard let userdata else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(userdata).takeUnretainedValue()
    return transfer.receiveHeader(UnsafeRawBufferPointer(start: data, count: size * count))
}

/// `CURLOPT_WRITEFUNCTION`: body bytes; returns their count, `CURL_WRITEFUNC_PAUSE`, or 0 to abort.
private let transferWriteCallback: plutus_curl_data_callback = { data, size, count, userdata in
    guard let userdata else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(userdata).takeUnretainedValue()
    return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
}
