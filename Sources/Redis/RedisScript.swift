/// A Lua script, named by the SHA-1 of its source as `EVALSHA` expects; the digest is computed once.
///
/// Keep scripts as `static let`s so the digest is computed once per process:
/// ```swift
/// static let takeToken = RedisScript("""
///     local tokens = tonumber(redis.call('GET', KEYS[1]) or ARGV[1])
///     ...
///     """)
/// ```
public struct RedisScript: Sendable, Hashable {
    /// The Lua source.
    public let source: String
    /// The SHA-1 of ``source`` in lowercase hex, as `SCRIPT LOAD` returns it.
    public let sha1: String

    public init(_ source: String) {
        self.source = source
        self.sha1 = SHA1.hexDigest(of: Array(source.utf8))
    }
}
