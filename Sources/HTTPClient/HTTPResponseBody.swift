/// A streamed response body: an `AsyncSequence` of byte chunks as they arrive from the network.
///
/// Iterate it once, from one task. Chunks keep their order; their sizes are whatever the
/// network delivered. The sequence ends at the end of the body and throws ``HTTPClientError``
/// if the transfer fails midway, or `CancellationError` if the iterating task is cancelled.
/// Once every copy of the body (and of its response and iterator) is gone before the end, the
/// transfer is aborted.
public struct HTTPResponseBody: AsyncSequence, Sendable {
    public typealias Element = [UInt8]
    public typealias Failure = any Error

    private let consumer: Consumer

    init(_ transfer: Transfer) {
        self.consumer = Consumer(transfer)
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(consumer: consumer)
    }

    /// Reads the rest of the body into one array.
    ///
    /// - Parameter maximumSize: the most bytes to accept.
    /// - Throws: ``HTTPClientError/Code/responseTooLarge`` past `maximumSize` (the transfer is
    ///   aborted), or whatever the sequence throws.
    public func collect(upTo maximumSize: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in self {
            guard bytes.count + chunk.count <= maximumSize else {
                consumer.transfer.cancel()
                throw HTTPClientError(code: .responseTooLarge, message: "body exceeds \(maximumSize) bytes")
            }
            bytes.append(contentsOf: chunk)
        }
        return bytes
    }

    /// The most bytes this body ever buffered ahead of its consumer.
    var peakBufferedBytes: Int { consumer.transfer.peakBufferedBytes }

    /// Iterates the chunks of an ``HTTPResponseBody``.
    public struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate let consumer: Consumer

        /// The next chunk, or `nil` at the end of the body.
        public mutating func next() async throws -> [UInt8]? {
            try await consumer.transfer.nextChunk()
        }
    }
}

extension HTTPResponseBody {
    /// Aborts the transfer when the last holder of the body lets go of it.
    final class Consumer: Sendable {
        let transfer: Transfer

        init(_ transfer: Transfer) {
            self.transfer = transfer
        }

        deinit {
            transfer.cancel()
        }
    }
}
