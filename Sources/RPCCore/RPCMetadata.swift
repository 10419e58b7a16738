/// The metadata a frame carries: lowercase keys, one value each.
///
/// Keys are folded to lowercase on the way in, as HTTP/2 and gRPC do, so `Traceparent` and
/// `traceparent` are the same entry.
public struct RPCMetadata: Hashable, Sendable, ExpressibleByDictionaryLiteral, Sequence {
    /// The W3C trace context of the call.
    public static let traceParentKey = "traceparent"
    /// Marks a call safe to retry, and lets the callee drop a duplicate.
    public static let idempotencyKey = "idempotency-key"
    /// The shared secret internal TCP listeners require.
    public static let clusterTokenKey = "cluster-token"

    private var entries: [String: String]

    public init() { entries = [:] }

    public init(_ entries: [String: String]) {
        // Frames from Plutus already carry lowercase keys: keep their dictionary as it is.
        let hasUppercase = entries.keys.contains { $0.utf8.contains { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) } }
        self.entries =
            hasUppercase ? Dictionary(entries.map { ($0.key.lowercased(), $0.value) }) { _, last in last } : entries
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements) { _, last in last })
    }

    public subscript(key: String) -> String? {
        get { entries[key.lowercased()] }
        set { entries[key.lowercased()] = newValue }
    }

    /// The entries, for encoding into a frame.
    public var dictionary: [String: String] { entries }

    public var traceParent: TraceParent? {
        get { self[Self.traceParentKey].flatMap(TraceParent.init) }
        set { self[Self.traceParentKey] = newValue?.description }
    }

    public var idempotencyKey: String? {
        get { self[Self.idempotencyKey] }
        set { self[Self.idempotencyKey] = newValue }
    }

    public func makeIterator() -> Dictionary<String, String>.Iterator { entries.makeIterator() }
}
