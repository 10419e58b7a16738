import CoachLanguage
import FinanceEngine
public import Logging
public import PlutusCluster
public import PlutusWire
import RPCCore

/// Ranked, quantified recommendations with a disclaimer. It answers the question asked first
/// (pay off debt or invest?), then lists what matters most. It never names a security to buy or
/// sell; the compliance review would catch one that slipped in.
public struct RecommendationAgent: CoachAgent {
    public static let kind = ServiceKind.recommendationAgent
    private let provider: any LanguageProvider
    private let writer: ReplyWriter

    public init(provider: any LanguageProvider, logger: Logger = Logger(label: "plutus.agent.recommendation")) {
        self.provider = provider
        writer = ReplyWriter(provider: provider, logger: logger)
    }

    public func run(_ request: AgentRequest) async throws -> AgentResult {
        let turn = try AgentTurn(request)
        guard let person = turn.person else {
            throw RPCError(code: .invalidArgument, message: "the recommendation agent needs the person's context")
        }
        var rules = RecommendationRules(person: person)
        let ranked = Self.rank(rules.all())
        var sheet = rules.sheet
        var points: [ReplyBrief.Point] = []
        if Self.asksDebtOrInvest(request.message) {
            points.append(contentsOf: Self.debtOrInvest(person, &sheet))
        }
        points.append(contentsOf: ranked.prefix(3).map { recommendation in
            ReplyBrief.Point("\(recommendation.priority). \(recommendation.title). \(recommendation.rationale)")
        })
        if ranked.isEmpty {
            points.append(ReplyBrief.Point("Your foundations look solid — no urgent changes stand out. Keep saving steadily and revisit your goals each quarter."))
        }
        let brief = ReplyBrief(
            purpose: .recommendations, name: turn.name, language: turn.language, points: points, facts: sheet.facts,
            names: sheet.names, givesAdvice: true, variation: turn.variation)
        let written = await writer.write(brief)
        return AgentResult(
            route: .getAdvice, reply: written.reply, facts: sheet.facts, recommendations: ranked,
            degraded: written.degraded, model: provider.model)
    }

    /// Safety first, then costly debt, then growth; within a tier, the larger impact first.
    static func rank(_ candidates: [RecommendationRules.Candidate]) -> [Recommendation] {
        candidates.sorted {
            ($0.tier, -$0.recommendation.impactAmountCents) < ($1.tier, -$1.recommendation.impactAmountCents)
        }.enumerated().map { index, candidate in
            var recommendation = candidate.recommendation
            recommendation.priority = Int32(index + 1)
            return recommendation
        }
    }

    static func asksDebtOrInvest(_ message: String) -> Bool {
        let kinds = AnalysisSelector.analyses(for: message)
        let lowered = message.lowercased()
        return kinds.contains(.debtPayoff) && (lowered.contains("invest") || kinds.contains(.portfolio))
    }

    /// Each debt's rate against what investing might earn: above it, paying down wins.
    static func debtOrInvest(_ person: PersonFinances, _ sheet: inout FactSheet) -> [ReplyBrief.Point] {
        guard !person.debts.isEmpty else {
            return [ReplyBrief.Point("You have no debt to weigh against investing, so extra money can go straight to your goals and investments.")]
        }
        let yardstick = RecommendationRules.expectedInvestmentReturn
        let shownYardstick = sheet.percent("expected_investment_return", yardstick, source: "finance_engine.assumptions")
        let sorted = person.debts.sorted { $0.aprBps > $1.aprBps }
        let described = sorted.map { debt in
            let rate = sheet.percent("apr_\(debt.id.prefix(8))", Double(debt.aprBps) / 10_000, decimals: 2, source: "context.accounts.apr")
            return (debt, "your \(sheet.name(debt.name)) at \(rate)")
        }
        let payFirst = described.filter { Double($0.0.aprBps) / 10_000 > yardstick }.map(\.1)
        let investInstead = described.filter { Double($0.0.aprBps) / 10_000 <= yardstick }.map(\.1)
        var sentences: [String] = []
        if !payFirst.isEmpty {
            sentences.append("Paying off \(payFirst.joined(separator: " and ")) is a sure return that beats the \(shownYardstick) a long-term portfolio might average, so pay those down first.")
        }
        if !investInstead.isEmpty {
            sentences.append("For \(investInstead.joined(separator: " and ")), the rate is at or below that, so investing the extra likely comes out ahead — keep paying the minimum.")
        }
        return [ReplyBrief.Point(phrasings: [sentences.joined(separator: " ")])]
    }
}
