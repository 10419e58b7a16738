import CProtobufC

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The generated codecs' conversions between protobuf-c's C values and Swift values.
enum WireC {
    /// Runs `body` with a fresh arena that stays alive until `body` returns (the C struct it
    /// builds points into the arena), and names `Message` in the errors it throws.
    static func serialize<Message: WireMessage>(
        _: Message.Type,
        _ body: (WireArena) throws -> [UInt8]
    ) throws -> [UInt8] {
        let arena = WireArena()
        return try withExtendedLifetime(arena) {
            do {
                return try body(arena)
            } catch var error as WireError {
                if error.messageType.isEmpty { error.messageType = Message.fullName }
                throw error
            }
        }
    }

    /// Packs into a new array of exactly `size` bytes; `pack` returns how many it wrote.
    static func pack(size: Int, _ pack: (UnsafeMutablePointer<UInt8>) -> Int) -> [UInt8] {
        guard size > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = pack(buffer.baseAddress!)
            precondition(initialized == size, "protobuf-c packed \(initialized) bytes, expected \(size)")
        }
    }

    /// Unpacks `bytes` with a generated `..._unpack`; the caller frees the result with the
    /// matching `..._free_unpacked`.
    /// - Throws: ``WireError/Code/malformed`` when protobuf-c rejects the bytes.
    static func unpack<Message: WireMessage, C>(
        _ bytes: some Collection<UInt8>,
        as _: Message.Type,
        _ unpack: (Int, UnsafePointer<UInt8>?) -> UnsafeMutablePointer<C>?
    ) throws -> UnsafeMutablePointer<C> {
        let result =
            bytes.withContiguousStorageIfAvailable { unpack($0.count, $0.baseAddress) }
            ?? Array(bytes).withUnsafeBufferPointer { unpack($0.count, $0.baseAddress) }
        guard let result else {
            throw WireError(
                code: .malformed, messageType: Message.fullName,
                message: "\(bytes.count) bytes are not a valid \(Message.fullName)")
        }
        return result
    }

    /// A Swift string from an unpacked C string (possibly `protobuf_c_empty_string`, which
    /// is only read). Invalid UTF-8 is repaired with U+FFFD rather than rejected.
    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        let buffer = UnsafeRawBufferPointer(start: pointer, count: strlen(pointer))
        return String(decoding: buffer, as: UTF8.self)
    }

    static func bytes(_ data: ProtobufCBinaryData) -> [UInt8] {
        guard data.len > 0, let base = data.data else { return [] }
        return Array(UnsafeBufferPointer(start: base, count: data.len))
    }

    /// A repeated scalar field.
    static func array<T>(_ base: UnsafeMutablePointer<T>?, count: Int) -> [T] {
        guard count > 0, let base else { return [] }
        return Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// A repeated string, bytes or enum field.
    static func array<C, T>(_ base: UnsafeMutablePointer<C>?, count: Int, _ transform: (C) -> T) -> [T] {
        guard count > 0, let base else { return [] }
        return UnsafeBufferPointer(start: base, count: count).map(transform)
    }

    /// A repeated message field (an array of pointers; protobuf-c never leaves one NULL).
    static func messages<C, T>(
        _ base: UnsafeMutablePointer<UnsafeMutablePointer<C>?>?,
        count: Int,
        _ transform: (UnsafeMutablePointer<C>) -> T
    ) -> [T] {
        guard count > 0, let base else { return [] }
        return UnsafeBufferPointer(start: base, count: count).compactMap { $0.map(transform) }
    }

    /// A map field (repeated entries; the last of duplicate keys wins, as protobuf specifies).
    static func dictionary<C, Key: Hashable, Value>(
        _ base: UnsafeMutablePointer<UnsafeMutablePointer<C>?>?,
        count: Int,
        _ transform: (UnsafeMutablePointer<C>) -> (Key, Value)
    ) -> [Key: Value] {
        let pairs = messages(base, count: count, transform)
        return Dictionary(pairs, uniquingKeysWith: { _, last in last })
    }
}
