import Foundation
public import PlutusData
public import PlutusWire
public import Postgres
public import StateGraph

/// The conversation graph's checkpoints in `plutus_graph_checkpoints`: one row per step, the
/// state sealed at rest, so a run interrupted in one gateway resumes in another.
///
/// Runs are pruned twice over: when a run finishes only its latest checkpoint is kept, and
/// ``prune(olderThan:)`` removes runs nothing has touched for longer than the TTL.
public struct PostgresCheckpointer: GraphCheckpointer {
    public typealias State = CoachTurnState

    private let client: PostgresClient
    private let cipher: DataCipher

    public init(client: PostgresClient, cipher: DataCipher) {
        self.client = client
        self.cipher = cipher
    }

    /// Stores the checkpoint without the person's context (the nodes fetch it again when they
    /// resume: it is the context engine's to keep, and may have moved on). A run's last
    /// checkpoint replaces its earlier ones in the same statement.
    public func save(_ checkpoint: GraphCheckpoint<CoachTurnState>) async throws {
        var state = checkpoint.state
        state.context = nil
        let context = SealedColumns.checkpointState(runID: checkpoint.runID, step: checkpoint.step)
        let sealed = try cipher.seal(try state.serializedBytes(), context: context)
        let conversationID: String? = state.conversationID.isEmpty ? nil : state.conversationID
        let finished = checkpoint.status == .finished
        do {
            try await client.query(
                """
                WITH saved AS (
                    INSERT INTO plutus_graph_checkpoints
                        (run_id, step, user_id, conversation_id, node, state_sealed, state_key_id, status, next_node,
                         interrupt_reason)
                    VALUES (\(checkpoint.runID)::uuid, \(checkpoint.step), \(state.userID)::uuid,
                            \(PostgresBinding(conversationID))::uuid, \(checkpoint.node), \(sealed.bytes), \(sealed.keyID),
                            \(checkpoint.status.rawValue), \(PostgresBinding(checkpoint.next)),
                            \(PostgresBinding(checkpoint.interruptReason)))
                    RETURNING run_id, step)
                DELETE FROM plutus_graph_checkpoints earlier USING saved
                WHERE \(finished) AND earlier.run_id = saved.run_id AND earlier.step < saved.step
                """)
        } catch let error as PostgresError where error.sqlState == "23505" {
            throw GraphRunError(
                code: .checkpointConflict, message: "run \(checkpoint.runID) already has step \(checkpoint.step)")
        }
    }

    public func latest(runID: String) async throws -> GraphCheckpoint<CoachTurnState>? {
        guard runID.isUUID else { return nil }
        let rows = try await client.query(
            """
            SELECT run_id::text AS run_id, step, node, next_node, status, interrupt_reason, state_sealed, state_key_id
            FROM plutus_graph_checkpoints WHERE run_id = \(runID)::uuid ORDER BY step DESC LIMIT 1
            """)
        return try rows.first.map(checkpoint(from:))
    }

    /// Where a conversation's latest run stands: the run and the status of its latest checkpoint.
    public struct RunStanding: Sendable, Equatable {
        public let runID: String
        public let status: GraphCheckpoint<CoachTurnState>.Status

        public init(runID: String, status: GraphCheckpoint<CoachTurnState>.Status) {
            self.runID = runID
            self.status = status
        }
    }

    /// The run of `conversationID` (owned by `userID`) that wrote last, and how it stands: paused for the
    /// person's answer, stopped part-way, or finished. Reads no state: resuming the run loads it.
    public func latestRun(conversationID: String, userID: String) async throws -> RunStanding? {
        guard conversationID.isUUID, userID.isUUID else { return nil }
        let rows = try await client.query(
            """
            SELECT run_id::text AS run_id, status FROM plutus_graph_checkpoints
            WHERE conversation_id = \(conversationID)::uuid AND user_id = \(userID)::uuid
            ORDER BY created_at DESC, step DESC LIMIT 1
            """)
        return try rows.first.map { row in
            let status = GraphCheckpoint<CoachTurnState>.Status(rawValue: try row.decode("status", as: String.self))
            return RunStanding(runID: try row.decode("run_id"), status: status ?? .running)
        }
    }

    /// Deletes the checkpoints of every run whose newest checkpoint is older than `age`: finished
    /// runs past their time, and runs nobody resumed (a paused goal never answered, a run whose
    /// gateway died). Returns how many rows went.
    @discardableResult
    public func prune(olderThan age: Duration) async throws -> Int {
        let seconds = Double(age.components.seconds) + Double(age.components.attoseconds) / 1e18
        let rows = try await client.query(
            """
            WITH gone AS (
                DELETE FROM plutus_graph_checkpoints
                WHERE run_id IN (SELECT run_id FROM plutus_graph_checkpoints GROUP BY run_id
                                 HAVING max(created_at) < now() - make_interval(secs => \(seconds)))
                RETURNING 1)
            SELECT count(*)::int AS n FROM gone
            """)
        return try rows.first?.decode("n", as: Int.self) ?? 0
    }

    private func checkpoint(from row: PostgresRow) throws -> GraphCheckpoint<CoachTurnState> {
        let runID = try row.decode("run_id", as: String.self)
        let step = try row.decode("step", as: Int.self)
        let sealed = DataCipher.Sealed(bytes: try row.decode("state_sealed"), keyID: try row.decode("state_key_id"))
        let bytes = try cipher.open(sealed, context: SealedColumns.checkpointState(runID: runID, step: step))
        let status = GraphCheckpoint<CoachTurnState>.Status(rawValue: try row.decode("status", as: String.self))
        return GraphCheckpoint(
            runID: runID, step: step, node: try row.decode("node"), next: try row.decode("next_node", as: String?.self),
            status: status ?? .running, interruptReason: try row.decode("interrupt_reason", as: String?.self),
            state: try CoachTurnState(serializedBytes: bytes))
    }
}
