extension TransferState {
    /// Installs the task waiting for the transfer; `nil` means "submit it", otherwise it was
    /// cancelled first and the returned resumption fails the waiter.
    mutating func start(_ waiter: Waiter) -> Resumption? {
        guard case .idle = phase else { return waiter.resumption(failing: CancellationError()) }
        switch waiter {
        case .response(let continuation): phase = .awaitingResponse(continuation)
        case .head(let continuation): phase = .awaitingHead(continuation)
        }
        return nil
    }

    /// Cancels from the task side; `removeFromLoop` says whether the loop still runs the transfer.
    mutating func cancel() -> (resumption: Resumption?, removeFromLoop: Bool) {
        let error = CancellationError()
        switch phase {
        case .finished, .cancelled:
            return (nil, false)
        case .idle:
            phase = .cancelled
            return (nil, false)
        case .awaitingResponse(let continuation):
            phase = .cancelled
            return (.response(continuation, .failure(error)), true)
        case .awaitingHead(let continuation):
            phase = .cancelled
            return (.head(continuation, .failure(error)), true)
        case .streaming(let buffer):
            phase = .cancelled
            return (buffer.waiter.map { .chunk($0, .failure(error)) }, buffer.end == nil)
        }
    }

    /// The final head arrived (streaming only): the waiting task gets it and the body begins.
    mutating func deliverHead(_ head: ResponseHead) -> Resumption? {
        guard case .awaitingHead(let continuation) = phase else { return nil }
        phase = .streaming(StreamBuffer())
        return .head(continuation, .success(head))
    }

    /// A body chunk arrived (streaming only).
    mutating func receive(_ chunk: UnsafeRawBufferPointer) -> (ReceiveDecision, Resumption?) {
        guard case .streaming(var buffer) = phase, buffer.end == nil else { return (.abort, nil) }
        phase = .finished  // drop the enum's copy so the buffer mutates in place
        defer { phase = .streaming(buffer) }
        if let waiter = buffer.waiter {
            buffer.waiter = nil
            return (.accept, .chunk(waiter, .success(Array(chunk))))
        }
        guard buffer.bufferedBytes < bufferLimit else {
            buffer.isPaused = true
            return (.pause, nil)
        }
        buffer.append(Array(chunk))
        peakBufferedBytes = max(peakBufferedBytes, buffer.bufferedBytes)
        return (.accept, nil)
    }

    /// The transfer ended; whoever waits learns how.
    mutating func complete(_ outcome: Outcome) -> Resumption? {
        switch phase {
        case .cancelled, .finished:
            return nil
        case .idle:
            phase = .finished
            return nil
        case .awaitingResponse(let continuation):
            phase = .finished
            return .response(continuation, outcome.response)
        case .awaitingHead(let continuation):
            return completeAwaitingHead(continuation, outcome)
        case .streaming(var buffer):
            guard buffer.end == nil else { return nil }
            buffer.end = outcome.error.map { .failure($0) } ?? .success(())
            phase = .streaming(buffer)
            return takeWaiterIfReady()
        }
    }

    private mutating func completeAwaitingHead(
        _ continuation: CheckedContinuation<ResponseHead, any Error>,
        _ outcome: Outcome
    ) -> Resumption {
        guard case .streamEnded(let head) = outcome else {
            phase = .finished
            return .head(continuation, .failure(outcome.error ?? HTTPClientError.shutdown()))
        }
        var buffer = StreamBuffer()
        buffer.end = .success(())
        phase = .streaming(buffer)
        return .head(continuation, .success(head))
    }

    private mutating func takeWaiterIfReady() -> Resumption? {
        guard case .streaming(var buffer) = phase, let waiter = buffer.waiter else { return nil }
        buffer.waiter = nil
        phase = .streaming(buffer)
        switch poll() {
        case .chunk(let chunk, _): return .chunk(waiter, .success(chunk))
        case .end: return .chunk(waiter, .success(nil))
        case .failure(let error): return .chunk(waiter, .failure(error))
        case .wait:
            phase = .streaming(buffer.installing(waiter))
            return nil
        }
    }

    /// Takes the next chunk, the end, or `.wait` when nothing is buffered yet.
    mutating func poll() -> Poll {
        if case .cancelled = phase { return .failure(CancellationError()) }
        guard case .streaming(var buffer) = phase else { return .end }
        phase = .finished  // drop the enum's copy so the buffer mutates in place
        if let chunk = buffer.popFirst() {
            let unpause = buffer.isPaused && buffer.bufferedBytes <= bufferLimit / 2
            if unpause { buffer.isPaused = false }
            phase = .streaming(buffer)
            return .chunk(chunk, unpause: unpause)
        }
        guard let end = buffer.end else {
            phase = .streaming(buffer)
            return .wait
        }
        switch end {
        case .success: return .end
        case .failure(let error): return .failure(error)
        }
    }

    /// Parks the consumer until data or the end arrives; `true` asks to continue a paused transfer.
    mutating func wait(_ waiter: CheckedContinuation<[UInt8]?, any Error>) -> (resumption: Resumption?, unpause: Bool) {
        switch poll() {
        case .chunk(let chunk, let unpause): return (.chunk(waiter, .success(chunk)), unpause)
        case .end: return (.chunk(waiter, .success(nil)), false)
        case .failure(let error): return (.chunk(waiter, .failure(error)), false)
        case .wait:
            guard case .streaming(var buffer) = phase else { return (.chunk(waiter, .success(nil)), false) }
            guard buffer.waiter == nil else {
                let error = HTTPClientError(code: .invalidRequest, message: "two tasks iterate one response body")
                return (.chunk(waiter, .failure(error)), false)
            }
            let unpause = buffer.isPaused
            buffer.isPaused = false
            phase = .streaming(buffer.installing(waiter))
            return (nil, unpause)
        }
    }
}

extension TransferState.Waiter {
    fileprivate func resumption(failing error: any Error) -> Resumption {
        switch self {
        case .response(let continuation): .response(continuation, .failure(error))
        case .head(let continuation): .head(continuation, .failure(error))
        }
    }
}

extension TransferState.Outcome {
    fileprivate var error: (any Error)? {
        if case .failure(let error) = self { return error }
        return nil
    }

    fileprivate var response: Result<HTTPResponse, any Error> {
        switch self {
        case .response(let response): .success(response)
        case .failure(let error): .failure(error)
        case .streamEnded: .failure(HTTPClientError(code: .other, message: "a buffered transfer ended as a stream"))
        }
    }
}
