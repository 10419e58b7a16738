import CoachLanguage
import Foundation
import FinanceEngine
import PlutusWire
import RPCCore

/// What every agent reads off a request: the person's day, name and language, the turn as a
/// provider takes it, and a stable seed for phrasing.
struct AgentTurn: Sendable {
    let request: AgentRequest
    let today: CivilDate
    let text: TurnText
    let language: String
    let variation: UInt64

    /// - Throws: `INVALID_ARGUMENT` without a user or a message, or with a malformed date.
    init(_ request: AgentRequest) throws {
        guard !request.userID.isEmpty else { throw RPCError(code: .invalidArgument, message: "user_id is required") }
        guard !request.message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw RPCError(code: .invalidArgument, message: "message is empty")
        }
        if request.today.isEmpty {
            today = CivilDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
        } else if let day = CivilDate(iso: request.today) {
            today = day
        } else {
            throw RPCError(code: .invalidArgument, message: "today must be YYYY-MM-DD, not '\(request.today)'")
        }
        self.request = request
        text = TurnText(message: request.message, recent: request.history, today: today)
        language = LanguageDetector.language(of: request.message)
        variation = PhrasePicker.seed(request.conversationID, request.message)
    }

    /// The person's finances, when the request carries their context.
    var person: PersonFinances? {
        request.context.map { PersonFinances(context: $0, today: today) }
    }

    /// The person's first name, if known.
    var name: String? {
        request.context?.profile?.name.split(separator: " ").first.map(String.init)
    }
}
