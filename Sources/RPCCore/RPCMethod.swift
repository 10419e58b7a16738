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

    /// An ASCII letter or underscore, then letters, digits and underscores, as protobuf names are.
    private static func isIdentifier(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return text.utf8.allSatisfy { isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "_") }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
