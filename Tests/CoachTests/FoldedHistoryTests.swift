@testable import Coach
import FinanceEngine
import PlutusWire
import Testing

/// A long conversation's older turns reach the agents as one summary turn first in the history:
/// a model reads it before the latest turns; the offline router, which reads recent turns for
/// follow-ups, does not let its old questions sway a new message.
struct FoldedHistoryTests {
    let today = CivilDate(year: 2026, month: 11, day: 25)!
    let summary = ChatTurn(
        role: ChatTurn.summaryRole,
        content: "Earlier in this conversation (40 messages) the person asked: “what's my net worth”; “how much do I spend on food”.")

    @Test func aModelSeesTheSummaryFirstThenTheLatestTurns() {
        let turn = TurnText(
            message: "and my savings rate?",
            recent: [summary, ChatTurn(role: "user", content: "hi"), ChatTurn(role: "assistant", content: "Hello!")], today: today)
        let request = ModelPrompts.classification(turn)
        #expect(request.messages.first?.text.hasPrefix("(Earlier in this conversation (40 messages)") == true)
        #expect(request.messages.contains { $0.text == "Hello!" })
        #expect(request.messages.last?.text.hasSuffix("and my savings rate?") == true)
    }

    @Test func theOfflineRouterIsNotSwayedByTheSummary() async throws {
        let provider = OfflineLanguageProvider()
        let message = "and what about that?"
        let plain = try await provider.classify(TurnText(message: message, recent: [], today: today))
        let folded = try await provider.classify(TurnText(message: message, recent: [summary], today: today))
        let asSaid = try await provider.classify(
            TurnText(message: message, recent: [ChatTurn(role: "user", content: summary.content)], today: today))
        #expect(asSaid != plain, "the summary's words would sway the route if they counted")
        #expect(folded == plain)
    }
}
