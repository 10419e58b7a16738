/// A connection that a ``ConnectionPool`` can hand out, take back and replace.
public protocol PooledConnection: AnyObject, Sendable {
    /// Whether the connection may be handed out again: a cheap, non-blocking check.
    ///
    /// A connection that saw its server go away, is mid-transaction, or has unasked input waiting
    /// answers `false`; the pool then closes it and opens a fresh one, which is how the bridges
    /// recover from a server restart without restarting the process.
    var isReusable: Bool { get }

    /// Closes the connection and frees what it holds. It is not used again.
    func close() async
}
