/// The outcome of a call: a gRPC status code and a message for people.
public struct RPCStatus: Hashable, Sendable, CustomStringConvertible {
    /// A gRPC status code, with gRPC's numbers and names.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The number on the wire.
        public let rawValue: Int32

        /// A code from its number; `nil` for numbers gRPC does not define.
        public init?(rawValue: Int32) {
            guard Self.names.indices.contains(Int(rawValue)) else { return nil }
            self.rawValue = rawValue
        }

        private init(_ rawValue: Int32) { self.rawValue = rawValue }

        public static let ok = Code(0)
        public static let cancelled = Code(1)
        public static let unknown = Code(2)
        public static let invalidArgument = Code(3)
        public static let deadlineExceeded = Code(4)
        public static let notFound = Code(5)
        public static let alreadyExists = Code(6)
        public static let permissionDenied = Code(7)
        public static let resourceExhausted = Code(8)
        public static let failedPrecondition = Code(9)
        public static let aborted = Code(10)
        public static let outOfRange = Code(11)
        public static let unimplemented = Code(12)
        public static let `internal` = Code(13)
        public static let unavailable = Code(14)
        public static let dataLoss = Code(15)
        public static let unauthenticated = Code(16)

        private static let names = [
            "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
            "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
            "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
        ]

        /// gRPC's name for the code, such as `DEADLINE_EXCEEDED`.
        public var description: String { Self.names[Int(rawValue)] }
    }

    public var code: Code
    public var message: String

    public init(code: Code, message: String = "") {
        self.code = code
        self.message = message
    }

    public static let ok = RPCStatus(code: .ok)

    /// The status read off the wire: an undefined number becomes `UNKNOWN`, keeping the number in the message.
    public init(wireCode: Int32, message: String) {
        if let code = Code(rawValue: wireCode) {
            self.init(code: code, message: message)
        } else {
            self.init(code: .unknown, message: "status \(wireCode): \(message)")
        }
    }

    public var description: String { message.isEmpty ? "\(code)" : "\(code): \(message)" }
}
