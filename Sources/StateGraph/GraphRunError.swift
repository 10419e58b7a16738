/// Why a run stopped without reaching END.
public struct GraphRunError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String {
            case stepLimitExceeded, missingRoute, nodeTimedOut, nodeFailed, runNotFound, checkpointConflict
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The run took more steps than the graph allows (a loop, most likely).
        public static let stepLimitExceeded = Code(.stepLimitExceeded)
        /// A router named a route its conditional edge does not have.
        public static let missingRoute = Code(.missingRoute)
        /// A node's attempt outlasted its policy's timeout.
        public static let nodeTimedOut = Code(.nodeTimedOut)
        /// A node threw, and its policy did not (or no longer) retry; ``GraphRunError/underlying`` has the error.
        public static let nodeFailed = Code(.nodeFailed)
        /// Resume found no checkpoint for the run.
        public static let runNotFound = Code(.runNotFound)
        /// The checkpointer already holds this step: another process is running the same run.
        public static let checkpointConflict = Code(.checkpointConflict)

        public var description: String { value.rawValue }
    }

    public let code: Code
    public let message: String
    /// The node involved, when there is one.
    public let node: String?
    /// The node's own error, for ``Code/nodeFailed``.
    public let underlying: (any Error)?

    public init(code: Code, message: String, node: String? = nil, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.node = node
        self.underlying = underlying
    }

    public var description: String {
        let location = node.map { " at '\($0)'" } ?? ""
        return "graph run stopped (\(code))\(location): \(message)"
    }
}
