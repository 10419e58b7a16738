import ContextEngine
import PlutusWire
import RPCCore
import RPCTransport
import Testing

/// `plutus.v1.ContextEngine` as a caller sees it: the four methods and the statuses of their errors.
@Suite struct ContextEngineRPCTests {
    private func caller(_ engine: ContextEngine) -> InProcessRPCCaller {
        var router = RPCRouter()
        ContextEngineRPC.register(engine, on: &router)
        return InProcessRPCCaller(router: router)
    }

    private func code(_ body: () async throws -> some Any) async -> RPCStatus.Code? {
        do {
            _ = try await body()
            return nil
        } catch let error as RPCError {
            return error.code
        } catch {
            return .unknown
        }
    }

    @Test func getContextAnswersTheSameOnAMissAndAHit() async throws {
        try await Household.with { household in
            let rpc = caller(household.engine(cache: household.cache()))
            let request = GetContextRequest(userID: household.userID)
            let miss = try await rpc.unary(ContextEngineRPC.getContext, request, as: UserContext.self)
            let hit = try await rpc.unary(ContextEngineRPC.getContext, request, as: UserContext.self)
            #expect(miss == hit)
            #expect(hit.netWorth?.netWorthCents == 73_265_94)
        }
    }

    @Test func refreshHistoryAndUpdateOverRPC() async throws {
        try await Household.with { household in
            let rpc = caller(household.engine(cache: household.cache()))
            let refreshed = try await rpc.unary(
                ContextEngineRPC.refreshContext, RefreshContextRequest(userID: household.userID), as: ContextVersion.self)
            #expect(refreshed == ContextVersion(userID: household.userID, version: 1))
            let updated = try await rpc.unary(
                ContextEngineRPC.updateContext,
                ContextUpdate(
                    userID: household.userID, baseVersion: 1,
                    goals: [Goal(type: "vehicle", title: "A used EV", targetAmountCents: 18_000_00)], runID: "r1"),
                as: ContextVersion.self)
            #expect(updated.version == 2)
            let read = try await rpc.unary(
                ContextEngineRPC.getContext, GetContextRequest(userID: household.userID, minVersion: 2), as: UserContext.self)
            #expect(read.goals.contains { $0.title == "A used EV" })
            let history = try await rpc.unary(
                ContextEngineRPC.contextHistory, ContextHistoryRequest(userID: household.userID), as: ContextHistory.self)
            #expect(history.versions.map(\.version) == [2, 1])
            #expect(history.versions.map(\.reason) == ["update", "api"])
        }
    }

    @Test func errorsBecomeStatuses() async throws {
        try await Household.with { household in
            let rpc = caller(household.engine())
            #expect(
                await code {
                    try await rpc.unary(
                        ContextEngineRPC.getContext, GetContextRequest(userID: "00000000-0000-0000-0000-000000000000"),
                        as: UserContext.self)
                } == .notFound)
            #expect(
                await code {
                    try await rpc.unary(ContextEngineRPC.getContext, GetContextRequest(userID: "nope"), as: UserContext.self)
                } == .invalidArgument)
            #expect(
                await code {
                    try await rpc.unary(
                        ContextEngineRPC.updateContext,
                        ContextUpdate(userID: household.userID, baseVersion: 7, runID: "late"), as: ContextVersion.self)
                } == .failedPrecondition)
            #expect(
                await code {
                    try await rpc.unary(
                        ContextEngineRPC.updateContext,
                        ContextUpdate(userID: household.userID, goals: [Goal(type: "yacht", title: "Boat")]),
                        as: ContextVersion.self)
                } == .invalidArgument)
            // Bytes that are not a request at all.
            #expect(
                await code {
                    try await rpc.call(RPCRequest(method: ContextEngineRPC.getContext, payload: [0xFF, 0xFF, 0xFF]))
                } == .invalidArgument)
        }
    }
}
