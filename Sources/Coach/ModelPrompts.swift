import CoachLanguage
import FinanceEngine
import LanguageModels
import PlutusWire

/// The prompts the model provider sends, and the checks on what comes back. The instructions are
/// the stable, cacheable part; the turn follows as messages.
enum ModelPrompts {
    static let coachInstructions = """
        You are Plutus, a warm, direct wealth-building coach inside a personal-finance app. You help one \
        person understand their own money and decide what to do next.
        Rules you never break:
        - Use only the figures you are given, written exactly as given. Never compute, estimate, round or \
        invent a number, a percentage or a date.
        - Never name a security, fund, ticker or company to buy or sell, and never promise or guarantee a return.
        - Keep the person's own words about their life private: do not repeat account numbers or contact details.
        - Write plain prose, no headings, no more than about 150 words, in the person's language.
        """

    // MARK: Routing

    static let routeTool = ModelRequest.Tool(
        name: "route_turn",
        description: "Record which part of the coach should answer the person's latest message.",
        inputSchema: JSONSchema([
            "type": "object",
            "properties": [
                "route": [
                    "type": "string", "enum": .array(CoachRoute.allCases.map { .string($0.rawValue) }),
                    "description":
                        "analyze_finances: a question about their own numbers; discuss_goals: a goal, or an answer to a proposed goal; get_advice: what they should do; end: greetings, thanks, goodbyes, small talk.",
                ],
                "intent": ["type": "string", "enum": .array(CoachIntent.allCases.map { .string($0.rawValue) })],
                "confidence": ["type": "number", "minimum": 0, "maximum": 1],
            ],
            "required": ["route", "intent", "confidence"],
            "additionalProperties": false,
        ]))

    static func classification(_ turn: TurnText) -> ModelRequest {
        ModelRequest(
            system: [
                .init(coachInstructions, cacheable: false),
                .init("Decide how to route the person's latest message. Call route_turn.", cacheable: true),
            ],
            messages: conversation(turn), tools: [routeTool], requiredTool: routeTool.name, maxTokens: 200, temperature: 0)
    }

    // MARK: Goals

    static let goalTool = ModelRequest.Tool(
        name: "record_goals",
        description: "Record the savings goals the person states in their latest message (none if they state none).",
        inputSchema: JSONSchema([
            "type": "object",
            "properties": [
                "goals": [
                    "type": "array", "maxItems": 5,
                    "items": [
                        "type": "object",
                        "properties": [
                            "type": ["type": "string", "enum": .array(GoalKind.allCases.map { .string($0.rawValue) })],
                            "title": ["type": "string", "minLength": 1, "maxLength": 80],
                            "target_amount": [
                                "type": ["number", "null"], "minimum": 0,
                                "description": "In the person's currency, exactly as they wrote it; null if they gave none.",
                            ],
                            "target_date": [
                                "type": ["string", "null"], "description": "YYYY-MM-DD; null if they gave no date.",
                            ],
                            "priority": ["type": ["integer", "null"], "minimum": 1, "maximum": 5],
                        ],
                        "required": ["type", "title", "target_amount", "target_date"],
                        "additionalProperties": false,
                    ],
                ]
            ],
            "required": ["goals"],
            "additionalProperties": false,
        ]))

    static func goalExtraction(_ turn: TurnText) -> ModelRequest {
        ModelRequest(
            system: [
                .init(coachInstructions),
                .init(
                    "Today is \(turn.today). Extract the goals in the person's latest message. Relative dates "
                        + "(\"in five years\", \"next summer\") become calendar dates counted from today. Call record_goals.",
                    cacheable: true),
            ],
            messages: conversation(turn), tools: [goalTool], requiredTool: goalTool.name, maxTokens: 400, temperature: 0)
    }

    /// The reasons extracted goals cannot be trusted: an amount the person did not write, a date
    /// that is not a calendar day or lies in the past.
    static func unstatedFigures(in input: JSONValue, stated: Set<Int64>, today: CivilDate) -> [String] {
        var problems: [String] = []
        for (index, goal) in (input["goals"]?.arrayValue ?? []).enumerated() {
            if let amount = goal["target_amount"]?.doubleValue, !stated.contains(cents(amount)) {
                problems.append("goals[\(index)].target_amount \(amount) is not an amount the person wrote")
            }
            if let text = goal["target_date"]?.stringValue {
                if let date = CivilDate(iso: text) {
                    if date <= today { problems.append("goals[\(index)].target_date \(text) is not after today (\(today))") }
                } else {
                    problems.append("goals[\(index)].target_date \(text) is not YYYY-MM-DD")
                }
            }
        }
        return problems
    }

    /// A checked goal from the tool input.
    static func goalMention(from json: JSONValue) -> GoalMention? {
        guard let type = json["type"]?.stringValue.flatMap(GoalKind.init(rawValue:)),
            let title = json["title"]?.stringValue
        else { return nil }
        return GoalMention(
            type: type, title: title, targetCents: json["target_amount"]?.doubleValue.map(cents),
            targetDate: json["target_date"]?.stringValue.flatMap { CivilDate(iso: $0) }, priority: json["priority"]?.intValue)
    }

    private static func cents(_ amount: Double) -> Int64 {
        Int64((amount * 100).rounded())
    }

    // MARK: Replies

    static func reply(_ brief: ReplyBrief) -> ModelRequest {
        var facts = "Figures you may use (name = value unit):"
        for fact in brief.facts { facts += "\n- \(fact.name) = \(fact.value) \(fact.unit)" }
        if brief.facts.isEmpty { facts += "\n(none: write no figures at all)" }
        var task = "Write the coach's reply to the person's latest message (\(purpose(brief.purpose))), in the language "
            + "with ISO code \(brief.language)"
        if let name = brief.name { task += ", addressing them as \(name)" }
        task += ". Say these points, in this order, in your own words, keeping every figure exactly as written:"
        for (number, point) in brief.points.enumerated() {
            task += "\n\(number + 1). \(point.phrasings.first ?? "")"
        }
        if let question = brief.question { task += "\nEnd with this one question: \(question)" }
        if brief.givesAdvice { task += "\nEnd with: \(ComplianceReview.disclaimer)" }
        return ModelRequest(
            system: [.init(coachInstructions), .init(facts, cacheable: true)],
            messages: [.init(.user, task)], maxTokens: 600, temperature: 0.4)
    }

    private static func purpose(_ purpose: ReplyBrief.Purpose) -> String {
        switch purpose {
        case .smallTalk(let intent): "small talk: \(intent.rawValue)"
        case .analysis: "explaining their finances"
        case .goalProposal: "proposing a plan for a goal"
        case .goalQuestion: "asking for a missing detail of a goal"
        case .goalSaved: "confirming a saved goal"
        case .goalDeclined: "acknowledging a goal they declined"
        case .recommendations: "ranked recommendations"
        }
    }

    /// The recent turns and the latest message, as alternating messages.
    private static func conversation(_ turn: TurnText) -> [ModelRequest.Message] {
        var messages: [ModelRequest.Message] = []
        if let summary = turn.recent.first(where: \.isSummary) {
            messages.append(.init(.user, "(\(summary.content))"))
        }
        for past in turn.recent.filter({ !$0.isSummary }).suffix(6) {
            let role: ModelRequest.Message.Role = past.role == "assistant" ? .assistant : .user
            guard !past.content.isEmpty else { continue }
            if messages.last?.role == role {
                messages[messages.count - 1].text += "\n\n" + past.content
            } else {
                messages.append(.init(role, past.content))
            }
        }
        if messages.first?.role == .assistant { messages.removeFirst() }
        if messages.last?.role == .user {
            messages[messages.count - 1].text += "\n\n" + turn.message
        } else {
            messages.append(.init(.user, turn.message))
        }
        return messages
    }
}
