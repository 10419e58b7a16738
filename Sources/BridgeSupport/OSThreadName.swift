#if canImport(Glibc)
import Glibc
#endif

/// Names the calling thread for the operating system, as `top -H`, debuggers and `/proc` show it.
///
/// On Linux, Foundation keeps a `Thread`'s name to itself, and `pthread_setname_np` is not
/// visible to Swift; writing the thread's own `comm` file does the same (15 bytes at most).
public enum OSThreadName {
    public static func setCurrent(_ name: String) {
        #if os(Linux)
        let descriptor = open("/proc/thread-self/comm", O_WRONLY)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let bytes = Array(name.utf8.prefix(15))
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        #endif
    }
}
