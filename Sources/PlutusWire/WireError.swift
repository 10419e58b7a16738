/// An error encoding or decoding a ``WireMessage``.
public struct WireError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong; a struct over a private enum so that codes can be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable {
            case malformed
            case invalidArgument
        }

        private let wrapped: Wrapped

        private init(_ wrapped: Wrapped) {
            self.wrapped = wrapped
        }

        /// The bytes are not a valid encoding of the message.
        public static let malformed = Self(.malformed)
        /// The message cannot be encoded as it is (e.g. a string containing NUL).
        public static let invalidArgument = Self(.invalidArgument)

        public var description: String {
            switch wrapped {
            case .malformed: "malformed"
            case .invalidArgument: "invalid argument"
            }
        }
    }

    public var code: Code
    /// The full protobuf name of the message concerned, e.g. `plutus.v1.Frame`.
    public var messageType: String
    public var message: String

    public init(code: Code, messageType: String, message: String) {
        self.code = code
        self.messageType = messageType
        self.message = message
    }

    public var description: String {
        "WireError(\(code), \(messageType)): \(message)"
    }
}
