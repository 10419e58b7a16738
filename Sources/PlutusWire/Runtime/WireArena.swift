import CProtobufC

/// Owns the C memory of one message being packed: every struct, array and string the
/// generated `cMessage(in:)` functions allocate, freed together when the arena goes away.
///
/// protobuf-c only reads this memory while packing, and never frees it itself.
final class WireArena {
    private var allocations: [UnsafeMutableRawPointer] = []

    deinit {
        for allocation in allocations {
            allocation.deallocate()
        }
    }

    /// Zeroed, uninitialised-by-protobuf-c storage for one C struct.
    func allocate<T>(_: T.Type) -> UnsafeMutablePointer<T> {
        allocateArray(T.self, count: 1)
    }

    /// Zeroed storage for `count` values of `T` (at least one, so the pointer is never dangling).
    func allocateArray<T>(_: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        let byteCount = MemoryLayout<T>.stride * max(count, 1)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: MemoryLayout<T>.alignment)
        allocations.append(raw)
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
        return raw.bindMemory(to: T.self, capacity: max(count, 1))
    }

    /// A NUL-terminated copy of `string`, built from its UTF-8 bytes and their count.
    /// - Throws: ``WireError/Code/invalidArgument`` when the string contains NUL, which a C
    ///   string would silently cut.
    func cString(_ string: String) throws -> UnsafeMutablePointer<CChar> {
        var string = string
        return try string.withUTF8 { utf8 in
            if utf8.contains(0) {
                throw WireError(
                    code: .invalidArgument, messageType: "", message: "a string field contains a NUL character")
            }
            let copy = allocateArray(CChar.self, count: utf8.count + 1)
            if let base = utf8.baseAddress {
                UnsafeMutableRawPointer(copy).copyMemory(from: base, byteCount: utf8.count)
            }
            return copy
        }
    }

    /// protobuf-c's view of `bytes` (a copy owned by the arena).
    func binaryData(_ bytes: [UInt8]) -> ProtobufCBinaryData {
        guard !bytes.isEmpty else { return ProtobufCBinaryData(len: 0, data: nil) }
        let copy = allocateArray(UInt8.self, count: bytes.count)
        copy.initialize(from: bytes, count: bytes.count)
        return ProtobufCBinaryData(len: bytes.count, data: copy)
    }

    /// A C array of the converted elements, as protobuf-c's `n_field` and `field`.
    func array<Elements: Collection, T>(
        _ elements: Elements,
        _ transform: (Elements.Element) throws -> T
    ) rethrows -> (Int, UnsafeMutablePointer<T>?) {
        guard !elements.isEmpty else { return (0, nil) }
        let base = allocateArray(T.self, count: elements.count)
        var count = 0
        for element in elements {
            (base + count).initialize(to: try transform(element))
            count += 1
        }
        return (count, base)
    }
}
