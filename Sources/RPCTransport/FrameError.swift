/// Why a connection's byte stream is not a valid sequence of frames. The connection is closed.
public struct FrameError: Error, Hashable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: Hashable, Sendable {
            case empty
            case tooLarge
            case truncated
            case undecodable
        }

        private let wrapped: Wrapped
        private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

        /// A frame whose length prefix is zero.
        public static let empty = Code(.empty)
        /// A length prefix past the configured maximum, refused before anything is buffered.
        public static let tooLarge = Code(.tooLarge)
        /// The peer closed the connection in the middle of a frame.
        public static let truncated = Code(.truncated)
        /// The frame's bytes are not a valid `Frame` message.
        public static let undecodable = Code(.undecodable)

        public var description: String {
            switch wrapped {
            case .empty: "empty frame"
            case .tooLarge: "frame too large"
            case .truncated: "truncated frame"
            case .undecodable: "undecodable frame"
            }
        }
    }

    public let code: Code
    public let message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
