/// Inputs a calculation cannot work with (a projection of 0 years, a negative volatility).
public struct FinanceEngineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem it is; more kinds may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case invalidInput = "invalid input"
        }

        private let kind: Kind

        /// An argument is out of range or inconsistent.
        public static let invalidInput = Code(kind: .invalidInput)

        /// The kind in words: "invalid input".
        public var description: String { kind.rawValue }
    }

    /// What kind of problem it is.
    public var code: Code
    /// What was wrong, in words fit for a log.
    public var message: String

    /// An error of kind `code` explained by `message`.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// "invalid input: years must be 1...100, not 0".
    public var description: String { "\(code): \(message)" }

    static func invalidInput(_ message: String) -> FinanceEngineError { .init(code: .invalidInput, message: message) }
}
