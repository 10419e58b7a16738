import RPCCore
import Testing

@Suite("Server connection state machine")
struct ServerConnectionStateMachineTests {
    @Test func runsCallsAndEndsThem() {
        var machine = ServerConnectionStateMachine(maximumConcurrentCalls: 4)
        #expect(machine.receive(.request, streamID: 1) == .startCall(streamID: 1))
        #expect(machine.receive(.request, streamID: 3) == .startCall(streamID: 3))
        #expect(machine.activeCalls == 2)
        #expect(machine.finish(streamID: 3) == .sendEnd(streamID: 3))
        #expect(machine.finish(streamID: 1) == .sendEnd(streamID: 1))
        #expect(machine.activeCalls == 0)
    }

    @Test func rejectsCallsPastTheConcurrencyBound() {
        var machine = ServerConnectionStateMachine(maximumConcurrentCalls: 2)
        _ = machine.receive(.request, streamID: 1)
        _ = machine.receive(.request, streamID: 2)
        guard case .reject(3, let status) = machine.receive(.request, streamID: 3) else {
            Issue.record("the third call was not rejected")
            return
        }
        #expect(status.code == .resourceExhausted)
        _ = machine.finish(streamID: 1)
        #expect(machine.receive(.request, streamID: 4) == .startCall(streamID: 4))
    }

    @Test func cancelStopsTheHandlerAndSuppressesItsEnd() {
        var machine = ServerConnectionStateMachine(maximumConcurrentCalls: 4)
        _ = machine.receive(.request, streamID: 1)
        #expect(machine.receive(.cancel, streamID: 1) == .cancelCall(streamID: 1))
        #expect(machine.receive(.cancel, streamID: 1) == .ignore)
        #expect(machine.finish(streamID: 1) == .dropSilently)
        #expect(machine.receive(.cancel, streamID: 1) == .ignore, "a cancel that crossed the end is harmless")
    }

    @Test(arguments: [RPCFrameKind.message, .end])
    func serverBoundFramesOfTheWrongKindCloseTheConnection(kind: RPCFrameKind) {
        var machine = ServerConnectionStateMachine(maximumConcurrentCalls: 4)
        guard case .closeConnection = machine.receive(kind, streamID: 1) else {
            Issue.record("\(kind) from a client was accepted")
            return
        }
    }

    @Test func streamIDsMustGrow() {
        var machine = ServerConnectionStateMachine(maximumConcurrentCalls: 4)
        _ = machine.receive(.request, streamID: 5)
        for reused in [UInt64(5), 4, 0] {
            guard case .closeConnection = machine.receive(.request, streamID: reused) else {
                Issue.record("stream id \(reused) was accepted after 5")
                return
            }
        }
    }

    @Test func drainingRefusesNewCallsAndClosesAfterTheLast() {
        var machine = ServerConnectionStateMachine(maximumConcurrentCalls: 4)
        _ = machine.receive(.request, streamID: 1)
        _ = machine.receive(.request, streamID: 2)
        let closesAtOnce = machine.beginDraining()
        #expect(!closesAtOnce)
        guard case .reject(3, let status) = machine.receive(.request, streamID: 3) else {
            Issue.record("a call was accepted while draining")
            return
        }
        #expect(status.code == .unavailable)
        #expect(machine.finish(streamID: 1) == .sendEnd(streamID: 1))
        #expect(machine.finish(streamID: 2) == .sendEndAndClose(streamID: 2))

        var idle = ServerConnectionStateMachine(maximumConcurrentCalls: 1)
        let idleClosesAtOnce = idle.beginDraining()
        #expect(idleClosesAtOnce)
    }
}

@Suite("Client connection state machine")
struct ClientConnectionStateMachineTests {
    @Test func deliversMessagesAndFinishesCalls() throws {
        var machine = ClientConnectionStateMachine()
        let firstOpened = machine.openStream()
        let first = try #require(firstOpened)
        let secondOpened = machine.openStream()
        let second = try #require(secondOpened)
        #expect(second > first)
        #expect(machine.receive(.message, streamID: first) == .deliverMessage(streamID: first))
        #expect(machine.receive(.message, streamID: first) == .deliverMessage(streamID: first))
        #expect(machine.receive(.end, streamID: first) == .finishCall(streamID: first))
        #expect(machine.activeCalls == 1)
    }

    @Test func framesForCancelledCallsAreDropped() throws {
        var machine = ClientConnectionStateMachine()
        let streamOpened = machine.openStream()
        let stream = try #require(streamOpened)
        let firstCancel = machine.cancel(streamID: stream)
        let secondCancel = machine.cancel(streamID: stream)
        #expect(firstCancel)
        #expect(!secondCancel)
        #expect(machine.receive(.message, streamID: stream) == .ignore)
        #expect(machine.receive(.end, streamID: stream) == .ignore)
    }

    @Test func framesForStreamsNeverOpenedCloseTheConnection() {
        var machine = ClientConnectionStateMachine()
        guard case .closeConnection = machine.receive(.message, streamID: 42) else {
            Issue.record("a message for an unopened stream was accepted")
            return
        }
        guard case .closeConnection = machine.receive(.request, streamID: 1) else {
            Issue.record("a request from a server was accepted")
            return
        }
    }

    @Test func closingFailsEveryOpenCallAndRefusesNewOnes() throws {
        var machine = ClientConnectionStateMachine()
        let firstOpened = machine.openStream()
        let first = try #require(firstOpened)
        let secondOpened = machine.openStream()
        let second = try #require(secondOpened)
        let failed = machine.connectionClosed()
        let afterClose = machine.openStream()
        #expect(failed == [first, second])
        #expect(afterClose == nil)
        #expect(machine.activeCalls == 0)
    }
}
