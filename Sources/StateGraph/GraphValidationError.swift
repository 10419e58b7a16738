/// Why ``StateGraph/compile(stepLimit:durability:)`` refused a graph.
public struct GraphValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String {
            case noEntryPoint, duplicateNode, reservedName, unknownNode, danglingEdge, missingRoute,
                duplicateEdge, unreachableNode, emptyRoutes, invalidStepLimit
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// No entry point was set, or it names no node.
        public static let noEntryPoint = Code(.noEntryPoint)
        /// Two nodes share a name.
        public static let duplicateNode = Code(.duplicateNode)
        /// A node is named like the graph's own end.
        public static let reservedName = Code(.reservedName)
        /// An edge leaves a node that does not exist.
        public static let unknownNode = Code(.unknownNode)
        /// An edge leads to a node that does not exist.
        public static let danglingEdge = Code(.danglingEdge)
        /// A node has no edge out, so a run would stop there without reaching END.
        public static let missingRoute = Code(.missingRoute)
        /// A node was given two ways out.
        public static let duplicateEdge = Code(.duplicateEdge)
        /// No path from the entry point reaches the node.
        public static let unreachableNode = Code(.unreachableNode)
        /// A conditional edge was given no routes.
        public static let emptyRoutes = Code(.emptyRoutes)
        /// The step limit is below 1.
        public static let invalidStepLimit = Code(.invalidStepLimit)

        public var description: String { value.rawValue }
    }

    public let code: Code
    public let message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "invalid graph (\(code)): \(message)" }
}
