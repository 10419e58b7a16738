public import CoachLanguage
import FinanceEngine
import FoundationEssentials
public import LanguageModels

/// The agents' language through a real model (Claude, or an OpenAI-compatible server).
///
/// Routing and goal extraction come back as tool input checked against the tool's schema, and
/// against the person's own words (a goal's amount must be one the person wrote); output that
/// fails is sent back once with the reasons, and a second failure throws, so the agent answers
/// that step with the offline engine. Replies are streamed. The model only phrases: the figures
/// are in the brief's facts, and the compliance review checks every reply.
public struct ModelLanguageProvider: LanguageProvider {
    public let languageModel: LanguageModel
    public var model: String { languageModel.client.model }
    public let isOffline = false

    public init(_ languageModel: LanguageModel) {
        self.languageModel = languageModel
    }

    public func classify(_ turn: TurnText) async throws -> RouteDecision {
        let input = try await structuredOutput(ModelPrompts.classification(turn), purpose: "classify") { _ in [] }
        // Both fields are checked by the schema's enums.
        guard let route = input["route"]?.stringValue.flatMap(CoachRoute.init(rawValue:)),
            let intent = input["intent"]?.stringValue.flatMap(CoachIntent.init(rawValue:))
        else { throw ModelError(.invalidOutput, "the route decision lacks a route or intent") }
        let confidence = min(1, max(0, input["confidence"]?.doubleValue ?? 0.5))
        return RouteDecision(
            route: route, intent: intent, confidence: confidence, language: LanguageDetector.language(of: turn.message))
    }

    public func extractGoals(_ turn: TurnText) async throws -> [GoalMention] {
        let stated = Set(AmountParser.amounts(in: turn.message).map(\.cents))
        let input = try await structuredOutput(ModelPrompts.goalExtraction(turn), purpose: "extract_goals") { input in
            ModelPrompts.unstatedFigures(in: input, stated: stated, today: turn.today)
        }
        return (input["goals"]?.arrayValue ?? []).compactMap { ModelPrompts.goalMention(from: $0) }
    }

    public func write(_ brief: ReplyBrief) async throws -> String {
        let scope = TurnScope.current ?? TurnScope(userID: "")
        let response = try await languageModel.respond(
            to: ModelPrompts.reply(brief), for: scope.caller("write"), onText: scope.onText ?? { _ in })
        let text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ModelError(.invalidOutput, "the model wrote an empty reply") }
        return text
    }

    /// Asks for the request's tool input; input that breaks the schema or `check` is sent back
    /// once with the reasons.
    private func structuredOutput(
        _ request: ModelRequest, purpose: String, check: (JSONValue) -> [String]
    ) async throws -> JSONValue {
        guard let toolName = request.requiredTool, let tool = request.tools.first(where: { $0.name == toolName }) else {
            preconditionFailure("a structured-output prompt names its tool")
        }
        let scope = TurnScope.current ?? TurnScope(userID: "")
        var request = request
        for attempt in 1...2 {
            let response = try await languageModel.respond(to: request, for: scope.caller(purpose))
            let call = response.toolCalls.first { $0.name == toolName }
            let problems =
                call.map { tool.inputSchema.violations(of: $0.input) + check($0.input) } ?? ["no \(toolName) call"]
            if let call, problems.isEmpty { return call.input }
            guard attempt == 1 else { break }
            request.messages += [
                .init(.assistant, call?.input.jsonText ?? response.text),
                .init(.user, "That output was invalid: \(problems.joined(separator: "; ")). Call \(toolName) again with corrected input."),
            ]
        }
        throw ModelError(.invalidOutput, "the model's \(toolName) output failed its checks twice")
    }
}
