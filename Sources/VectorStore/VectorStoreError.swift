/// Why the vector store refused a call.
public enum VectorStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The request breaks a rule or a bound; the reason says which.
    case invalidArgument(String)
    /// No such collection in this tenant.
    case notFound(String)
    /// The store could not write its log; nothing was acknowledged.
    case unavailable(String)

    public var description: String {
        switch self {
        case .invalidArgument(let reason), .notFound(let reason), .unavailable(let reason): reason
        }
    }
}
