#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Duration {
    /// The duration in whole milliseconds, rounded up so that a short positive time never becomes zero.
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        let millis = attoseconds / 1_000_000_000_000_000
        let remainder = attoseconds % 1_000_000_000_000_000
        return seconds * 1000 + millis + (remainder > 0 ? 1 : 0)
    }

    /// Whether the duration is a whole number of seconds (so `EX` can express it).
    var isWholeSeconds: Bool {
        components.attoseconds == 0
    }

    /// The duration as a `timeval`, for hiredis' timeouts; zero means "no timeout" to the socket.
    var asTimeval: timeval {
        let (seconds, attoseconds) = components
        return timeval(tv_sec: .init(seconds), tv_usec: .init(attoseconds / 1_000_000_000_000))
    }
}
