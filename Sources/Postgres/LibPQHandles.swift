import CLibPQ
import Foundation

/// Owns one `PGconn`: the only place it is freed.
///
/// Not `Sendable`: it lives inside a ``PostgresConnection`` actor, whose methods all run on that
/// connection's own thread.
final class LibPQConnectionHandle {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { PQfinish(pointer) }
}

/// Owns one `PGcancel`, which asks the server to cancel the statement running on a connection.
///
/// `@unchecked Sendable` is safe: libpq documents `PQcancel` as safe to call from any thread
/// (even a signal handler), and the pointer is freed only in `deinit`, once nothing can call it.
final class LibPQCancelToken: @unchecked Sendable {
    private let pointer: OpaquePointer

    init?(_ connection: OpaquePointer) {
        guard let pointer = PQgetCancel(connection) else { return nil }
        self.pointer = pointer
    }

    deinit { PQfreeCancel(pointer) }

    /// Sends the cancel request from a short-lived thread of its own: `PQcancel` opens a
    /// connection to the server and waits, which must not happen on the cooperative pool.
    func send() {
        Thread.detachNewThread { [self] in
            var reason = [CChar](repeating: 0, count: 256)
            _ = PQcancel(pointer, &reason, Int32(reason.count))
        }
    }
}

/// Calls `body` with a `NULL`-terminated array of C strings, freed afterwards.
func withArrayOfCStrings<Result>(
    _ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) throws -> Result
) rethrows -> Result {
    let copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
    defer { copies.forEach { free($0) } }
    return try copies.map { $0.map { UnsafePointer($0) } }.withUnsafeBufferPointer { buffer in
        // A non-empty array's buffer always has a base address.
        try body(buffer.baseAddress!)
    }
}
