import CoachGraph
import Foundation
import PlutusWire
import RPCCore
import RPCTransport
import StateGraph
import Synchronization
import Testing

/// Fails a caller's first calls with a chosen status, then passes calls through: a replica
/// that was briefly away, or a request the service refuses.
final class FailingFirst: RPCCaller {
    private let inner: any RPCCaller
    private let status: RPCStatus.Code
    private let failures = Mutex(0)
    let calls = Mutex(0)

    init(_ inner: any RPCCaller, failing count: Int, with status: RPCStatus.Code) {
        self.inner = inner
        self.status = status
        failures.withLock { $0 = count }
    }

    func call(_ request: RPCRequest) async throws -> [UInt8] {
        calls.withLock { $0 += 1 }
        let fail = failures.withLock { remaining in
            defer { remaining -= 1 }
            return remaining > 0
        }
        if fail { throw RPCError(code: status, message: "injected") }
        return try await inner.call(request)
    }

    func stream(_ request: RPCRequest) -> AsyncThrowingStream<[UInt8], any Error> { inner.stream(request) }
}

@Suite struct CoachGraphRetryTests {
    private func policy() -> CoachGraph.Policy {
        var policy = CoachGraph.Policy()
        policy.initialBackoff = .milliseconds(1)
        return policy
    }

    @Test(.timeLimit(.minutes(3))) func retryableStatusesAreRetriedAndOthersStopTheRun() async throws {
        try await CoachCluster.with { cluster in
            let conversation = try await cluster.conversations.start(userID: cluster.userID)
            let state = CoachTurnState(
                runID: UUID().uuidString.lowercased(), userID: cluster.userID, conversationID: conversation.id,
                message: "what's my net worth", today: "2026-11-25")

            var flakyServices = cluster.services
            let flaky = FailingFirst(cluster.services.financialAgent, failing: 2, with: .unavailable)
            flakyServices.financialAgent = flaky
            let recovered = try await CoachGraph.make(services: flakyServices, policy: policy()).run(
                state, runID: state.runID, checkpointer: cluster.checkpointer)
            #expect(recovered.completion == .finished)
            #expect(flaky.calls.withLock { $0 } == 3)

            var refusingServices = cluster.services
            let refusing = FailingFirst(cluster.services.financialAgent, failing: 1, with: .invalidArgument)
            refusingServices.financialAgent = refusing
            var second = state
            second.runID = UUID().uuidString.lowercased()
            do {
                _ = try await CoachGraph.make(services: refusingServices, policy: policy()).run(
                    second, runID: second.runID, checkpointer: cluster.checkpointer)
                Issue.record("a refused call did not stop the run")
            } catch let error as GraphRunError {
                #expect(error.code == .nodeFailed)
                #expect(error.node == CoachGraph.financialAnalysis)
                #expect((error.underlying as? RPCError)?.code == .invalidArgument)
            }
            #expect(refusing.calls.withLock { $0 } == 1)
            let latest = try await cluster.checkpointer.latest(runID: second.runID)
            #expect(latest?.next == CoachGraph.financialAnalysis, "the finished step is kept for a resume")

            // The conversation's next message first finishes the run that stopped part-way.
            let next = try await cluster.runner(policy: policy()).reply(
                to: "thanks, bye", conversationID: conversation.id, userID: cluster.userID, today: "2026-11-25")
            #expect(next.state.route == .end)
            #expect(try await cluster.checkpointer.latest(runID: second.runID)?.status == .finished)
        }
    }

    @Test func theGraphRefusesNoShapeAndNamesItsRoutes() throws {
        let graph = try CoachGraph.make(services: CoachServices(
            context: InProcessRPCCaller(router: RPCRouter()), conversationAgent: InProcessRPCCaller(router: RPCRouter()),
            financialAgent: InProcessRPCCaller(router: RPCRouter()), goalAgent: InProcessRPCCaller(router: RPCRouter()),
            recommendationAgent: InProcessRPCCaller(router: RPCRouter())))
        #expect(graph.entryPoint == CoachGraph.conversation)
        #expect(Route.getAdvice.name == "get_advice")
        #expect(Route.unspecified.name == "unspecified", "no edge takes it: the run stops rather than guess")
        #expect(CoachGraph.isRetryable(RPCError(code: .unavailable, message: "")))
        #expect(!CoachGraph.isRetryable(RPCError(code: .invalidArgument, message: "")))
    }
}
