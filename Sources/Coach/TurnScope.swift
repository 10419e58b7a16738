import LanguageModels

/// The turn an agent is answering, as its language provider's model calls need it: whose turn it
/// is (rate limits and cached answers are kept per user), by when the answer is needed (the RPC
/// deadline), and where the reply's text goes as it streams.
public struct TurnScope: Sendable {
    public var userID: String
    public var deadline: ContinuousClock.Instant?
    /// Receives the reply's text as the model writes it, when someone is listening.
    public var onText: (@Sendable (String) async -> Void)?

    /// The scope of the task handling the current turn.
    @TaskLocal public static var current: TurnScope?

    public init(userID: String, deadline: ContinuousClock.Instant? = nil, onText: (@Sendable (String) async -> Void)? = nil) {
        self.userID = userID
        self.deadline = deadline
        self.onText = onText
    }

    /// The caller a model call for `purpose` is made for.
    func caller(_ purpose: String) -> ModelCaller {
        ModelCaller(userID: userID, purpose: purpose, deadline: deadline)
    }
}
