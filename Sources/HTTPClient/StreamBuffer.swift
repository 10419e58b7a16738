/// The chunks of a streamed body that arrived before the consumer asked for them.
struct StreamBuffer {
    private var chunks: [[UInt8]] = []
    private var head = 0
    /// The bytes held, which pause the transfer past ``TransferState/bufferLimit``.
    private(set) var bufferedBytes = 0
    /// Whether the write callback paused the transfer because the buffer was full.
    var isPaused = false
    /// The consumer parked in `next()`; only set while no chunk is buffered.
    var waiter: CheckedContinuation<[UInt8]?, any Error>?
    /// How the transfer ended, once it has.
    var end: Result<Void, any Error>?

    mutating func append(_ chunk: [UInt8]) {
        chunks.append(chunk)
        bufferedBytes += chunk.count
    }

    mutating func popFirst() -> [UInt8]? {
        guard head < chunks.count else { return nil }
        let chunk = chunks[head]
        chunks[head] = []  // release the bytes now, not when the array is compacted
        head += 1
        bufferedBytes -= chunk.count
        if head == chunks.count {
            chunks.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64 {
            chunks.removeFirst(head)
            head = 0
        }
        return chunk
    }

    func installing(_ waiter: CheckedContinuation<[UInt8]?, any Error>) -> StreamBuffer {
        var copy = self
        copy.waiter = waiter
        return copy
    }
}

/// A continuation to resume, taken out of the lock by a ``TransferState`` transition.
enum Resumption {
    case response(CheckedContinuation<HTTPResponse, any Error>, Result<HTTPResponse, any Error>)
    case head(CheckedContinuation<ResponseHead, any Error>, Result<ResponseHead, any Error>)
    case chunk(CheckedContinuation<[UInt8]?, any Error>, Result<[UInt8]?, any Error>)

    func resume() {
        switch self {
        case .response(let continuation, let result): continuation.resume(with: result)
        case .head(let continuation, let result): continuation.resume(with: result)
        case .chunk(let continuation, let result): continuation.resume(with: result)
        }
    }
}
