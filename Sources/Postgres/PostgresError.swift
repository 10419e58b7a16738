/// An error from the PostgreSQL bridge: what kind, the server's SQLSTATE when it sent one, and its words.
public struct PostgresError: Error, Hashable, CustomStringConvertible {
    /// The kind of failure; compare against the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable {
            case invalidConfiguration
            case connectionFailed
            case connectionLost
            case server
            case decoding
            case invalidQuery
        }

        private let wrapped: Wrapped
        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// The URL or settings could not be understood.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// No connection could be opened.
        public static let connectionFailed = Code(.connectionFailed)
        /// The connection broke during a call; the pool replaces it.
        public static let connectionLost = Code(.connectionLost)
        /// The server refused the statement; ``PostgresError/sqlState`` says why.
        public static let server = Code(.server)
        /// A value could not be decoded into the Swift type asked for.
        public static let decoding = Code(.decoding)
        /// The query itself is unusable (for example a NUL byte in its text).
        public static let invalidQuery = Code(.invalidQuery)

        public var description: String {
            switch wrapped {
            case .invalidConfiguration: "invalid configuration"
            case .connectionFailed: "connection failed"
            case .connectionLost: "connection lost"
            case .server: "server error"
            case .decoding: "decoding error"
            case .invalidQuery: "invalid query"
            }
        }
    }

    public let code: Code
    /// The five-character SQLSTATE the server sent (`23505` for a unique violation), if any.
    public let sqlState: String?
    /// The primary message, from the server or from the bridge.
    public let message: String
    /// The server's detail line, if it sent one.
    public let detail: String?

    public init(code: Code, message: String, sqlState: String? = nil, detail: String? = nil) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
    }

    public var description: String {
        var text = "postgres \(code)"
        if let sqlState { text += " [\(sqlState)]" }
        text += ": \(message)"
        if let detail { text += " (\(detail))" }
        return text
    }
}

extension PostgresError {
    /// SQLSTATE `57014`: the statement was cancelled.
    static let queryCanceled = "57014"
    /// SQLSTATE `0A000` with a cached-plan message: a prepared statement outlived a schema change.
    static let featureNotSupported = "0A000"

    var isStalePreparedStatement: Bool {
        sqlState == Self.featureNotSupported && message.contains("cached plan")
    }
}
