import CCurl
import Synchronization

/// One request in flight: its easy handle, what libcurl delivered so far, and the hand-off to the
/// task that waits for the response or consumes the streamed body.
///
/// `@unchecked Sendable` is safe because every stored property is one of:
/// - immutable (`easy`, `loop`, `mode`, `followsRedirects`);
/// - guarded by the `state` mutex;
/// - "loop-thread only" (`headParser`, `headDelivered`, `body`, `failure`): touched only by libcurl callbacks and
///   completion handling, which all run on the single thread of ``CurlMultiLoop``; the task that
///   created the transfer stops touching `easy` before it hands the transfer to that thread,
///   and the queue's mutex orders that hand-off.
final class Transfer: @unchecked Sendable {
    /// Whether the body is buffered whole or streamed with backpressure.
    enum Mode {
        case buffered(maximumBodySize: Int)
        case streamed
    }

    let easy: CurlEasy
    let mode: Mode
    let followsRedirects: Bool
    private let loop: CurlMultiLoop
    private let state: Mutex<TransferState>

    // Loop-thread only.
    var headParser = ResponseHeadParser()
    var headDelivered = false
    var body: [UInt8] = []
    var failure: HTTPClientError?

    init(easy: CurlEasy, mode: Mode, configuration: HTTPClient.Configuration, loop: CurlMultiLoop) {
        self.easy = easy
        self.mode = mode
        self.followsRedirects = configuration.maximumRedirects > 0
        self.loop = loop
        self.state = Mutex(TransferState(bufferLimit: configuration.streamBufferSize))
    }

    /// Runs the transfer and returns the whole response.
    func response() async throws -> HTTPResponse {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                start(.response(continuation))
            }
        } onCancel: {
            cancel()
        }
    }

    /// Runs the transfer until the final response's head arrived; the body follows via ``nextChunk()``.
    func head() async throws -> ResponseHead {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                start(.head(continuation))
            }
        } onCancel: {
            cancel()
        }
    }

    /// The next chunk of a streamed body, or `nil` at its end.
    func nextChunk() async throws -> [UInt8]? {
        if Task.isCancelled { cancel() }  // buffered chunks are not handed to a task that gave up
        switch state.withLock({ $0.poll() }) {
        case .chunk(let chunk, let unpause):
            if unpause { loop.unpause(self) }
            return chunk
        case .end: return nil
        case .failure(let error): throw error
        case .wait: return try await waitForChunk()
        }
    }

    /// Whether the waiting task already has its answer (or was cancelled): nothing left to run.
    var isFinished: Bool {
        state.withLock { state in
            switch state.phase {
            case .finished, .cancelled: true
            default: false
            }
        }
    }

    /// The most bytes the streamed body ever buffered.
    var peakBufferedBytes: Int { state.withLock { $0.peakBufferedBytes } }

    /// Aborts the transfer if it still runs; waiting tasks get `CancellationError`.
    func cancel() {
        let (resumption, removeFromLoop) = state.withLock { $0.cancel() }
        resumption?.resume()
        if removeFromLoop { loop.remove(self) }
    }

    private func start(_ waiter: TransferState.Waiter) {
        if let resumption = state.withLock({ $0.start(waiter) }) {
            return resumption.resume()
        }
        do {
            try loop.add(self)
        } catch {
            complete(.failure(error))
        }
    }

    private func waitForChunk() async throws -> [UInt8]? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let (resumption, unpause) = state.withLock { $0.wait(continuation) }
                if unpause { loop.unpause(self) }
                resumption?.resume()
            }
        } onCancel: {
            cancel()
        }
    }
}

extension Transfer {
    /// Applies a transition from the loop thread and resumes whoever it names.
    func complete(_ outcome: TransferState.Outcome) {
        state.withLock { $0.complete(outcome) }?.resume()
    }

    func deliverHead(_ head: ResponseHead) {
        state.withLock { $0.deliverHead(head) }?.resume()
    }

    func receiveStreamed(_ chunk: UnsafeRawBufferPointer) -> TransferState.ReceiveDecision {
        let (decision, resumption) = state.withLock { $0.receive(chunk) }
        resumption?.resume()
        return decision
    }
}
