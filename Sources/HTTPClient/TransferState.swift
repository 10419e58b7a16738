/// The hand-off between a transfer's loop thread and the task waiting for it, as a state machine.
///
/// Every transition returns what must happen outside the lock (a continuation to resume, the
/// transfer to pause or continue), so continuations never resume while the lock is held.
struct TransferState {
    /// The task side: who waits for what.
    enum Phase {
        case idle
        case awaitingResponse(CheckedContinuation<HTTPResponse, any Error>)
        case awaitingHead(CheckedContinuation<ResponseHead, any Error>)
        case streaming(StreamBuffer)
        /// The waiting task has its answer, or the body was read to its end.
        case finished
        /// The task side gave up: every later poll throws `CancellationError`.
        case cancelled
    }

    /// A waiter to install with ``start(_:)``.
    enum Waiter {
        case response(CheckedContinuation<HTTPResponse, any Error>)
        case head(CheckedContinuation<ResponseHead, any Error>)
    }

    /// How a transfer ended, as the loop thread saw it.
    enum Outcome {
        case response(HTTPResponse)
        case streamEnded(ResponseHead)
        case failure(any Error)
    }

    /// What the write callback does with a chunk.
    enum ReceiveDecision {
        case accept, pause, abort
    }

    /// What the body's consumer gets next.
    enum Poll {
        case chunk([UInt8], unpause: Bool)
        case end
        case failure(any Error)
        case wait
    }

    var phase: Phase = .idle
    /// How many buffered bytes pause the transfer.
    let bufferLimit: Int
    /// The most bytes a streamed body ever buffered (for tests of the backpressure).
    var peakBufferedBytes = 0

    init(bufferLimit: Int) {
        self.bufferLimit = max(bufferLimit, 1)
    }
}
