/// The `argc`/`argv`/`argvlen` triple hiredis' `*Argv` functions take, built from ``RESPArgument``s.
///
/// Every argument goes with its explicit length, so NUL bytes and non-UTF-8 bytes pass through.
enum ArgumentVector {
    /// Calls `body` with pointers valid only for the duration of the call.
    static func with<Result>(
        _ arguments: [RESPArgument],
        _ body: (Int32, UnsafeMutablePointer<UnsafePointer<CChar>?>, UnsafePointer<Int>) -> Result
    ) -> Result {
        var storage: [UInt8] = []
        storage.reserveCapacity(arguments.reduce(1) { $0 + $1.bytes.count })
        let lengths = arguments.map { argument in
            storage.append(contentsOf: argument.bytes)
            return argument.bytes.count
        }
        storage.append(0)  // never empty, so even an all-empty command has a base address
        return storage.withUnsafeBytes { raw in
            let base = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
            var offset = 0
            var values: [UnsafePointer<CChar>?] = lengths.map { length in
                defer { offset += length }
                return UnsafePointer(base + offset)
            }
            return values.withUnsafeMutableBufferPointer { values in
                lengths.withUnsafeBufferPointer { lengths in
                    body(Int32(arguments.count), values.baseAddress!, lengths.baseAddress!)
                }
            }
        }
    }
}
