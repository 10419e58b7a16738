public import CoachLanguage
public import PlutusWire

/// What an agent wants to say, for a provider to phrase: the purpose, the points in order
/// (each with a few phrasings whose figures come from ``facts``), and an optional question.
public struct ReplyBrief: Sendable {
    public enum Purpose: Sendable, Hashable {
        case smallTalk(CoachIntent)
        case analysis
        case goalProposal
        case goalQuestion
        case goalSaved
        case goalDeclined
        case recommendations
    }

    /// One thing to say. ``phrasings`` are interchangeable; the offline writer picks one per
    /// conversation, a model may use them as the substance and phrase its own.
    public struct Point: Sendable, Hashable {
        public var phrasings: [String]

        public init(_ phrasings: String...) { self.phrasings = phrasings }
        public init(phrasings: [String]) { self.phrasings = phrasings }
    }

    public var purpose: Purpose
    /// The person's first name, when known.
    public var name: String?
    /// The language the person wrote in (ISO 639-1).
    public var language: String
    public var points: [Point]
    /// A question to close with (one clarifying question at most).
    public var question: String?
    public var facts: [Fact]
    /// Names the points quote (an account's, a goal's): their digits are not figures.
    public var names: [String]
    /// Whether the reply gives advice (it then carries the disclaimer).
    public var givesAdvice: Bool
    /// Picks among phrasings: the same conversation and message always read the same.
    public var variation: UInt64

    public init(
        purpose: Purpose, name: String? = nil, language: String = "en", points: [Point] = [], question: String? = nil,
        facts: [Fact] = [], names: [String] = [], givesAdvice: Bool = false, variation: UInt64 = 0
    ) {
        self.purpose = purpose
        self.name = name
        self.language = language
        self.points = points
        self.question = question
        self.facts = facts
        self.names = names
        self.givesAdvice = givesAdvice
        self.variation = variation
    }
}
