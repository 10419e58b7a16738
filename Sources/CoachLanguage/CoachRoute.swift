/// Where the conversation graph sends a message; raw values are the graph's route names.
public enum CoachRoute: String, Hashable, Sendable, CaseIterable, Codable {
    /// The financial agent: figures about the person's own money.
    case analyzeFinances = "analyze_finances"
    /// The goal agent: new goals, changes, confirmations.
    case discussGoals = "discuss_goals"
    /// The recommendation agent: what to do.
    case getAdvice = "get_advice"
    /// No agent: the conversation agent answers itself.
    case end
}

/// What a message is doing.
public enum CoachIntent: String, Hashable, Sendable, CaseIterable, Codable {
    /// "hi", "hola", "guten Morgen".
    case greeting
    /// "thanks", "merci", "danke".
    case thanks
    /// "bye", "see you", "tschüss".
    case farewell
    /// "how are you?", "who are you?", "lol".
    case smallTalk = "small_talk"
    /// Asks about their own numbers: "what's my net worth".
    case analysis
    /// States or changes a goal: "I want to save $20k for a wedding".
    case goal
    /// Asks what to do: "should I pay off my loans or invest".
    case advice
    /// Accepts a proposal: "yes", "save it".
    case confirm
    /// Turns a proposal down or corrects it: "not now", "change it to $25k".
    case decline
    /// Nothing recognisable.
    case unclear

    /// The route for this intent. Social intents end the graph (the conversation agent answers them itself);
    /// confirmations go back to the goal agent; an unclear message gets the financial analysis, the most useful
    /// answer to a question Plutus could not read.
    public var route: CoachRoute {
        switch self {
        case .greeting, .thanks, .farewell, .smallTalk: .end
        case .analysis, .unclear: .analyzeFinances
        case .goal, .confirm, .decline: .discussGoals
        case .advice: .getAdvice
        }
    }

    /// The intents that ask for work, not conversation.
    static let tasks: [CoachIntent] = [.analysis, .advice, .goal]
}

/// The classifier's verdict on one message.
public struct RouteDecision: Hashable, Sendable {
    /// Where to send it.
    public var route: CoachRoute
    /// What it is doing.
    public var intent: CoachIntent
    /// How sure the classifier is, 0...1 (see ``RouteClassifier``).
    public var confidence: Double
    /// The message's likely language, ISO 639-1: en, es, fr, de, pt or it.
    public var language: String

    /// A decision; ``RouteClassifier`` is the usual source of these.
    public init(route: CoachRoute, intent: CoachIntent, confidence: Double, language: String) {
        self.route = route
        self.intent = intent
        self.confidence = confidence
        self.language = language
    }
}
