#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cheap checks on a pooled connection's socket, made before the connection is handed out again.
public enum SocketProbe {
    /// Whether `descriptor` has bytes or end-of-file waiting, without blocking.
    ///
    /// An idle database connection should have nothing to read. Readable input on one means the
    /// server sent something unasked — usually that it is shutting down — or closed the socket.
    public static func hasPendingInput(_ descriptor: Int32) -> Bool {
        guard descriptor >= 0 else { return true }
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&entry, 1, 0)
        return ready != 0
    }
}
