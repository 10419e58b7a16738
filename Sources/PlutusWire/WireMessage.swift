/// A protobuf message of the Plutus wire, with its codec.
///
/// Every message in `Protos/plutus/v1` gets a generated struct conforming to this protocol;
/// the bytes are standard protobuf (proto3), packed and unpacked by protobuf-c.
public protocol WireMessage: Sendable, Hashable {
    /// The message's full protobuf name, e.g. `plutus.v1.Frame`.
    static var fullName: String { get }

    /// A message with every field at its proto3 default; it encodes to zero bytes.
    init()

    /// Decodes a message from protobuf bytes.
    /// - Throws: ``WireError`` with code ``WireError/Code/malformed`` when the bytes are not
    ///   a valid encoding of this message.
    init(serializedBytes bytes: some Collection<UInt8>) throws

    /// Encodes the message as protobuf bytes.
    /// - Throws: ``WireError`` with code ``WireError/Code/invalidArgument`` when a string
    ///   contains a NUL character, which protobuf-c's C strings cannot carry.
    func serializedBytes() throws -> [UInt8]
}
