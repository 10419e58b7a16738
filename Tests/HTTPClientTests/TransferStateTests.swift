import Testing

@testable import HTTPClient

/// The hand-off state machine on its own: the orders of events a socket can only produce by luck.
@Suite struct TransferStateTests {
    /// A state streaming a body, with `chunks` buffered and no consumer parked.
    private func streaming(buffered chunks: [String] = []) -> TransferState {
        var state = TransferState(bufferLimit: 1 << 20)
        var buffer = StreamBuffer()
        for chunk in chunks { buffer.append(Array(chunk.utf8)) }
        state.phase = .streaming(buffer)
        return state
    }

    private func isCancellation(_ poll: TransferState.Poll) -> Bool {
        if case .failure(let error) = poll { return error is CancellationError }
        return false
    }

    @Test func aConsumerCancelledBetweenChunksIsToldSoNotThatTheBodyEnded() {
        var state = streaming()
        let (resumption, removeFromLoop) = state.cancel()
        #expect(resumption == nil)
        #expect(removeFromLoop)
        #expect(isCancellation(state.poll()))
        #expect(isCancellation(state.poll()))
    }

    @Test func cancellingDropsChunksStillBuffered() {
        var state = streaming(buffered: ["a", "b"])
        _ = state.cancel()
        #expect(isCancellation(state.poll()))
    }

    @Test func aBodyReadToItsEndStaysEndedWhenCancelledLater() {
        var state = streaming(buffered: ["a"])
        #expect(state.complete(.streamEnded(ResponseHead(status: 200, headers: HTTPHeaders()))) == nil)
        guard case .chunk(let chunk, _) = state.poll() else { Issue.record("expected the chunk"); return }
        #expect(chunk == Array("a".utf8))
        guard case .end = state.poll() else { Issue.record("expected the end"); return }
        let (_, removeFromLoop) = state.cancel()
        #expect(!removeFromLoop)
        guard case .end = state.poll() else { Issue.record("expected the end again"); return }
    }

    @Test func aTransferCompletingAfterItsCancellationWakesNobody() {
        var state = streaming()
        _ = state.cancel()
        #expect(state.complete(.failure(HTTPClientError.shutdown())) == nil)
        #expect(isCancellation(state.poll()))
    }
}
