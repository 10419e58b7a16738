/// An error from the Redis bridge: the connection, the protocol, or the server's own error reply.
public struct RedisError: Error, CustomStringConvertible {
    /// The kind of failure; compare against the static members. New kinds may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable {
            case connectionFailed
            case connectionLost
            case protocolError
            case serverError
            case timedOut
            case invalidURL
            case invalidCommand
            case unexpectedReply
            case shutDown
        }

        private let wrapped: Wrapped
        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// The connection could not be opened, authenticated or pointed at its database.
        public static let connectionFailed = Code(.connectionFailed)
        /// The connection broke while a command was in flight; the command may or may not have run.
        public static let connectionLost = Code(.connectionLost)
        /// The server sent bytes that are not RESP.
        public static let protocolError = Code(.protocolError)
        /// The server answered with an error reply; ``RedisError/message`` holds it (`WRONGTYPE ...`).
        public static let serverError = Code(.serverError)
        /// No reply within the command timeout, or no pooled connection within the acquire timeout.
        public static let timedOut = Code(.timedOut)
        /// A configuration URL could not be parsed.
        public static let invalidURL = Code(.invalidURL)
        /// A command was empty or could not be sent as given.
        public static let invalidCommand = Code(.invalidCommand)
        /// The reply did not have the shape the command promises.
        public static let unexpectedReply = Code(.unexpectedReply)
        /// The client was shut down.
        public static let shutDown = Code(.shutDown)

        public var description: String {
            switch wrapped {
            case .connectionFailed: "connection failed"
            case .connectionLost: "connection lost"
            case .protocolError: "protocol error"
            case .serverError: "server error"
            case .timedOut: "timed out"
            case .invalidURL: "invalid URL"
            case .invalidCommand: "invalid command"
            case .unexpectedReply: "unexpected reply"
            case .shutDown: "shut down"
            }
        }
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong; for ``Code/serverError``, the server's error reply verbatim.
    public var message: String
    /// The lower-level error that caused this one, if any.
    public var cause: (any Error)?

    public init(code: Code, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// The first word of a server error reply (`WRONGTYPE`, `NOSCRIPT`, `BUSYGROUP`), else `nil`.
    public var serverErrorPrefix: Substring? {
        guard code == .serverError else { return nil }
        return message.split(separator: " ", maxSplits: 1).first
    }

    public var description: String {
        var text = "redis \(code): \(message)"
        if let cause { text += " (caused by \(cause))" }
        return text
    }
}
