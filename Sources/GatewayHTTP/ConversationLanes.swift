/// One turn at a time per conversation, in this gateway: a message that arrives while its
/// conversation's previous turn runs waits behind it (replies keep the order of the messages), or,
/// when the gateway is set to reject, is refused with 409.
///
/// Across gateways the graph's checkpoints keep two turns of one paused run apart (the second is
/// refused); a conversation's messages normally come through one app session, one gateway.
public actor ConversationLanes {
    /// What a message finds when its conversation is busy.
    public enum BusyPolicy: String, Sendable {
        case queue, reject
    }

    public let policy: BusyPolicy
    /// Per busy conversation, the turns waiting, first come first.
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    public init(policy: BusyPolicy) {
        self.policy = policy
    }

    /// Whether a turn of `conversationID` is running here now.
    func isBusy(_ conversationID: String) -> Bool { waiting[conversationID] != nil }

    /// Runs `body` as `conversationID`'s turn once the turns before it finished. The turn runs on
    /// the caller's executor, not this actor's: the actor only keeps the queue.
    /// - Throws: a 409 ``Problem`` when the conversation is busy and the policy rejects.
    nonisolated func run<Value: Sendable>(
        _ conversationID: String, _ body: @Sendable () async throws -> Value
    ) async throws -> Value {
        try await enter(conversationID)
        do {
            let value = try await body()
            await leave(conversationID)
            return value
        } catch {
            await leave(conversationID)
            throw error
        }
    }

    private func enter(_ conversationID: String) async throws {
        guard var queue = waiting[conversationID] else {
            waiting[conversationID] = []
            return
        }
        if policy == .reject {
            throw Problem(.conflict, "turn-in-progress", "the conversation's previous message is still being answered")
        }
        await withCheckedContinuation { continuation in
            queue.append(continuation)
            waiting[conversationID] = queue
        }
    }

    private func leave(_ conversationID: String) {
        guard var queue = waiting[conversationID] else { return }
        guard !queue.isEmpty else {
            waiting[conversationID] = nil
            return
        }
        queue.removeFirst().resume()
        waiting[conversationID] = queue
    }
}
