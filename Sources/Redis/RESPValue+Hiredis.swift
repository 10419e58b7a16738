import CHiredis

extension RESPValue {
    /// Decodes a whole hiredis reply tree, then frees it with `freeReplyObject`.
    init(consuming reply: UnsafeMutableRawPointer) {
        defer { freeReplyObject(reply) }
        self.init(decoding: reply.assumingMemoryBound(to: redisReply.self))
    }

    /// Decodes one reply node and, for arrays, its elements; does not free anything.
    private init(decoding reply: UnsafePointer<redisReply>) {
        let node = reply.pointee
        switch node.type {
        case REDIS_REPLY_STRING: self = .bulkString(Self.bytes(node))
        case REDIS_REPLY_STATUS: self = .simpleString(String(decoding: Self.bytes(node), as: UTF8.self))
        case REDIS_REPLY_ERROR: self = .error(String(decoding: Self.bytes(node), as: UTF8.self))
        case REDIS_REPLY_INTEGER: self = .integer(Int64(node.integer))
        case REDIS_REPLY_ARRAY: self = .array(Self.elements(node))
        default: self = .null
        }
    }

    private static func bytes(_ node: redisReply) -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: node.str, count: node.len))
    }

    private static func elements(_ node: redisReply) -> [RESPValue] {
        guard let element = node.element else { return [] }
        return (0..<node.elements).map { index in
            element[index].map { RESPValue(decoding: $0) } ?? .null
        }
    }
}
