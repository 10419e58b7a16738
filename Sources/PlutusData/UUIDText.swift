extension StringProtocol {
    /// Whether this is a UUID in its textual form: 8-4-4-4-12 hex digits, either case, as
    /// Foundation's `UUID(uuidString:)` accepts. Checked byte by byte, because that initializer
    /// parses with `sscanf` on Linux, which showed in profiles of every request that carries an id.
    public var isUUID: Bool {
        guard utf8.count == 36 else { return false }
        for (offset, byte) in utf8.enumerated() {
            switch offset {
            case 8, 13, 18, 23:
                guard byte == UInt8(ascii: "-") else { return false }
            default:
                guard (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte) else {
                    return false
                }
            }
        }
        return true
    }
}
