import PlutusData
import Postgres
import RPCCore
import StateGraph

/// Why a turn could not be answered, in terms a caller can act on: the RPC and the HTTP API
/// turn these into their statuses. Messages are safe to show: no SQL, no stack, no secret.
public enum TurnFailure: Error, Equatable, Sendable {
    /// No such open conversation of this user, or no such user.
    case notFound(String)
    /// Another message of the conversation is being answered.
    case conflict(String)
    /// A dependency (the database, a service) is away; trying again later may work.
    case unavailable(String)
    /// The coach could not finish; trying again will not help.
    case failed(String)

    /// The failure `error` means, for the errors a turn throws; nil for any other error.
    public init?(_ error: any Error) {
        switch error {
        case ConversationStoreError.notFound:
            self = .notFound("no such open conversation for this user")
        case let error as PostgresError where error.sqlState == "23503":
            self = .notFound("no such user")
        case let error as PostgresError where error.code == .connectionFailed || error.code == .connectionLost:
            self = .unavailable("the database is unavailable")
        case let error as GraphRunError where error.code == .checkpointConflict:
            self = .conflict("another message of this conversation is being answered; try again")
        case let error as GraphRunError:
            if error.code == .nodeTimedOut || (error.underlying as? RPCError).map(CoachGraph.isRetryable) == true {
                self = .unavailable("\(error.node ?? "a service") is unavailable; try again")
            } else {
                self = .failed("the coach could not finish this turn (\(error.code))")
            }
        default:
            return nil
        }
    }
}
