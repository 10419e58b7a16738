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
            today = CivilDate(utcDayOfSecondsSince1970: Date().timeIntervalSince1970)
        } else if let day = CivilDate(iso: request.today) {
            today = day
        } else {
            throw RPCError(code: .invalidArgument, message: "today must be YYYY-MM-DD, not '\(request.today)'")
        }
        if let context = request.context { try Self.checkMagnitudes(context) }
        self.request = request
        text = TurnText(message: request.message, recent: request.history, today: today)
        language = LanguageDetector.language(of: request.message)
        variation = StableHash.of(request.conversationID, request.message)
    }

    /// The largest amount a context may carry: ten trillion dollars, far beyond any household and
    /// far below where the engine's arithmetic could overflow.
    static let largestCents: Int64 = 1_000_000_000_000_000

    /// - Throws: `INVALID_ARGUMENT` for an amount beyond ``largestCents`` anywhere in the context.
    static func checkMagnitudes(_ context: UserContext) throws {
        var amounts: [Int64] = [context.profile?.annualIncomeCents ?? 0]
        amounts += context.accounts.flatMap { [$0.balanceCents, $0.availableCents] }
        amounts += context.holdings.flatMap { [$0.priceCents, $0.costBasisCents, $0.quantityMicros] }
        amounts += context.transactions.map(\.amountCents)
        amounts += context.goals.flatMap { [$0.targetAmountCents ?? 0, $0.currentAmountCents] }
        if let worth = context.netWorth { amounts += [worth.assetsCents, worth.liabilitiesCents, worth.netWorthCents] }
        if let flow = context.cashFlow { amounts += [flow.incomeCents, flow.spendingCents, flow.netCents] }
        if let portfolio = context.portfolio { amounts += [portfolio.valueCents, portfolio.costBasisCents] }
        guard amounts.allSatisfy({ $0 > -largestCents && $0 < largestCents }) else {
            throw RPCError(code: .invalidArgument, message: "the context holds an amount beyond ten trillion dollars")
        }
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
