import CoachLanguage
public import Logging
public import PlutusCluster
public import PlutusWire
import RPCCore

/// Answers questions about the person's money: chooses the analyses the question needs, runs
/// them on the context (concurrently), and explains the figures.
public struct FinancialAgent: CoachAgent {
    public static let kind = ServiceKind.financialAgent
    private let provider: any LanguageProvider
    private let writer: ReplyWriter

    public init(provider: any LanguageProvider, logger: Logger = Logger(label: "plutus.agent.financial")) {
        self.provider = provider
        writer = ReplyWriter(provider: provider, logger: logger)
    }

    public func run(_ request: AgentRequest) async throws -> AgentResult {
        let turn = try AgentTurn(request)
        guard let person = turn.person else {
            throw RPCError(code: .invalidArgument, message: "the financial agent needs the person's context")
        }
        let findings = await FinancialAnalyses.run(AnalysisSelector.analyses(for: request.message), for: person)
        var sheet = FactSheet(currency: person.currency)
        for finding in findings { sheet.merge(finding.sheet) }
        var points = findings.flatMap(\.points)
        if points.isEmpty {
            points = [ReplyBrief.Point("I don't have enough account data to answer that yet — once your accounts sync, ask me again.")]
        }
        let brief = ReplyBrief(
            purpose: .analysis, name: turn.name, language: turn.language, points: points, facts: sheet.facts,
            names: sheet.names, variation: turn.variation)
        let written = await writer.write(brief)
        return AgentResult(
            route: .analyzeFinances, reply: written.reply, facts: sheet.facts, degraded: written.degraded,
            model: provider.model)
    }
}
