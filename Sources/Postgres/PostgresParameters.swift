import CLibPQ

/// A statement's parameters laid out as libpq wants them: values, lengths, formats and type OIDs.
///
/// All values share one buffer, so binding costs one allocation however many parameters there are.
struct PostgresParameters {
    private var storage: [UInt8] = []
    private var offsets: [Int?] = []
    private(set) var lengths: [Int32] = []
    private(set) var formats: [Int32] = []
    private(set) var types: [Oid] = []

    /// Lays out `bindings`.
    /// - Throws: ``PostgresError`` `.invalidQuery` for a text value holding a NUL byte, which libpq
    ///   would silently cut short.
    init(_ bindings: [PostgresBinding]) throws {
        for (position, binding) in bindings.enumerated() {
            types.append(binding.type.oid)
            switch binding.value {
            case .null:
                append(bytes: nil, format: 0)
            case .text(let text):
                guard !text.utf8.contains(0) else {
                    throw PostgresError(code: .invalidQuery, message: "parameter $\(position + 1) contains a NUL byte")
                }
                append(bytes: Array(text.utf8) + [0], format: 0)
            case .binary(let bytes):
                append(bytes: bytes, format: 1)
            }
        }
        // Keeps the buffer's address non-nil, so an empty binary value is not mistaken for NULL.
        storage.append(0)
    }

    var count: Int32 { Int32(types.count) }

    private mutating func append(bytes: [UInt8]?, format: Int32) {
        formats.append(format)
        guard let bytes else {
            offsets.append(nil)
            lengths.append(0)
            return
        }
        offsets.append(storage.count)
        // Text is sent NUL-terminated; its length is ignored by libpq. Binary needs its exact length.
        lengths.append(Int32(format == 1 ? bytes.count : bytes.count - 1))
        storage.append(contentsOf: bytes)
    }

    /// Calls `body` with the value pointers, valid only during the call.
    func withValuePointers<Result>(_ body: ([UnsafePointer<CChar>?]) throws -> Result) rethrows -> Result {
        try storage.withUnsafeBytes { buffer in
            let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self)
            let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in
                guard let offset, let base else { return nil }
                return UnsafePointer(base + offset)
            }
            return try body(pointers)
        }
    }
}
