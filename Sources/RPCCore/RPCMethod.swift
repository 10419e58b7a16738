/// A method's full name, as frames carry it: `plutus.v1.ContextEngine/GetContext`.
public struct RPCMethod: Hashable, Sendable, CustomStringConvertible {
    /// The fully qualified service, such as `plutus.v1.ContextEngine`.
    public let service: String
    /// The method within it, such as `GetContext`.
    public let method: String

    public init(service: String, method: String) {
        self.service = service
        self.method = method
    }

    /// Parses `service/method`; `nil` unless both parts are present and well formed.
    public init?(fullName: String) {
        let parts = fullName.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, Self.isIdentifierPath(parts[0]), Self.isIdentifier(parts[1]) else { return nil }
        self.init(service: String(parts[0]), method: String(parts[1]))
    }

    public var fullName: String { "\(service)/\(method)" }
    public var description: String { fullName }

    private static func isIdentifierPath(_ text: Substring) -> Bool {
        !text.isEmpty && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(isIdentifier)
    }

    private static func isIdentifier(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_") }
    }
}
