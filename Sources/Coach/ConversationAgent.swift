import CoachLanguage
public import Logging
public import PlutusCluster
public import PlutusWire

/// Reads the turn and decides its route; greetings, thanks, goodbyes and small talk it answers
/// itself (route `end`).
public struct ConversationAgent: CoachAgent {
    public static let kind = ServiceKind.conversationAgent
    private let provider: any LanguageProvider
    private let reader: TurnReader
    private let writer: ReplyWriter

    public init(provider: any LanguageProvider, logger: Logger = Logger(label: "plutus.agent.conversation")) {
        self.provider = provider
        reader = TurnReader(provider: provider, logger: logger)
        writer = ReplyWriter(provider: provider, logger: logger)
    }

    public func run(_ request: AgentRequest) async throws -> AgentResult {
        let turn = try AgentTurn(request)
        let reading = try await reader.route(turn.text)
        let decision = reading.value
        var result = AgentResult(
            route: Route(decision.route), degraded: reading.degraded, model: provider.model,
            intent: decision.intent.rawValue)
        if decision.route == .end {
            let brief = ReplyBrief(
                purpose: .smallTalk(decision.intent), name: turn.name, language: decision.language,
                variation: turn.variation)
            let written = await writer.write(brief)
            result.reply = written.reply
            result.degraded = reading.degraded || written.degraded
        }
        return result
    }
}

extension Route {
    /// The wire's route for the classifier's.
    init(_ route: CoachRoute) {
        switch route {
        case .analyzeFinances: self = .analyzeFinances
        case .discussGoals: self = .discussGoals
        case .getAdvice: self = .getAdvice
        case .end: self = .end
        }
    }
}
