#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps a write to a socket the server has closed from killing the process.
///
/// hiredis writes with plain `write(2)`, which raises `SIGPIPE` when the peer is gone (a Redis
/// restart), and Linux has no per-socket `SO_NOSIGPIPE`. `SIGPIPE` from a write is directed at
/// the writing thread, so blocking it on each connection's dedicated thread turns it into an
/// `EPIPE` error for hiredis to report, without touching the process's signal handling.
enum BrokenPipeSignal {
    /// Blocks `SIGPIPE` for the calling thread only.
    static func blockOnCurrentThread() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
    }
}
