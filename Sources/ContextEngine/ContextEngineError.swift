import PlutusData
public import RPCCore

/// Why the context engine refused a request; each maps to the RPC status a caller sees.
public enum ContextEngineError: Error, Equatable, CustomStringConvertible {
    /// No user has this id.
    case unknownUser(String)
    /// The request is malformed: a user id that is not a UUID, an unknown goal type, ...
    case invalidArgument(String)
    /// An update based on a version that is no longer current.
    case staleVersion(base: Int64, current: Int64)

    public var description: String {
        switch self {
        case .unknownUser(let id): "no user \(id)"
        case .invalidArgument(let reason): reason
        case .staleVersion(let base, let current):
            "the update is based on version \(base), but version \(current) is current: read the context again"
        }
    }

    /// The status an RPC caller gets.
    public var rpcError: RPCError {
        switch self {
        case .unknownUser: RPCError(code: .notFound, message: description)
        case .invalidArgument: RPCError(code: .invalidArgument, message: description)
        case .staleVersion: RPCError(code: .failedPrecondition, message: description)
        }
    }

    /// Checks that `userID` is a UUID before it reaches SQL, and returns it in the one form every
    /// key, lock and sealed value uses: lower case, as PostgreSQL writes a `uuid`.
    static func normalizedUserID(_ userID: String) throws -> String {
        guard userID.isUUID else {
            throw ContextEngineError.invalidArgument("user_id '\(userID.prefix(64))' is not a UUID")
        }
        return userID.lowercased()
    }
}
