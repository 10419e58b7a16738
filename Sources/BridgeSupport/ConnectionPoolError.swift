/// Why a ``ConnectionPool`` could not lend a connection.
public struct ConnectionPoolError: Error, Hashable, CustomStringConvertible {
    /// The kind of failure; compare against the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable {
            case timedOut
            case shutDown
        }

        private let wrapped: Wrapped
        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// Every connection stayed busy for longer than the pool's acquire timeout.
        public static let timedOut = Code(.timedOut)
        /// The pool was shut down.
        public static let shutDown = Code(.shutDown)

        public var description: String {
            switch wrapped {
            case .timedOut: "timed out"
            case .shutDown: "shut down"
            }
        }
    }

    public let code: Code
    public let message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "connection pool \(code): \(message)" }
}
