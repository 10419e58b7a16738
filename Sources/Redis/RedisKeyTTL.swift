/// What `TTL`/`PTTL` say about a key.
public enum RedisKeyTTL: Sendable, Hashable {
    /// The key does not exist (the server answered -2).
    case keyMissing
    /// The key exists and does not expire (-1).
    case noExpiry
    /// The key expires after this long.
    case expires(in: Duration)

    /// Decodes a `TTL` (`unit` one second) or `PTTL` (`unit` one millisecond) answer.
    init(reply: Int64, unit: Duration) {
        switch reply {
        case -2: self = .keyMissing
        case ..<0: self = .noExpiry
        default: self = .expires(in: unit * reply)
        }
    }

    /// The remaining time, if the key expires.
    public var remaining: Duration? {
        if case .expires(let remaining) = self { return remaining }
        return nil
    }
}
