/// Where the reply's tokens go while a turn runs, for callers that show the reply as it is
/// written (`ConverseStream`, and the HTTP API's SSE). Set for the run by
/// ``CoachTurnRunner/reply(to:conversationID:userID:today:events:onToken:)``; the nodes then call
/// the agents' streaming method and pass each token on with the node's name.
///
/// Tokens are provisional: the compliance review may still replace the reply, and a retried node
/// writes again. The turn's final reply is the answer.
enum ReplyTokens {
    /// The listener, boxed: a task-local of a bare function type crashed release builds
    /// (`swift_task_localValuePush` on the first push), a struct does not.
    struct Listener: Sendable {
        let receive: @Sendable (_ node: String, _ token: String) async -> Void
    }

    @TaskLocal static var listener: Listener?
}
