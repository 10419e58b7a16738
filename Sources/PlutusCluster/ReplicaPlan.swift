/// How many processes of each service `plutus up` runs: one of each unless told otherwise.
public struct ReplicaPlan: Hashable, Sendable {
    public static let maximumReplicas = 16

    public private(set) var counts: [ServiceKind: Int]

    /// One process of every service.
    public init() {
        counts = Dictionary(uniqueKeysWithValues: ServiceKind.allCases.map { ($0, 1) })
    }

    /// Parses `financial=3,goal=2` (short or full service names); services not named run one.
    /// - Throws: ``ReplicaPlanError`` for an unknown service, a bad count, or a repeated name.
    public init(parsing text: String) throws {
        self.init()
        var seen: Set<ServiceKind> = []
        for entry in text.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = entry.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw ReplicaPlanError(entry: String(entry), reason: "expected service=count") }
            let name = String(parts[0])
            guard let kind = ServiceKind(named: name) else {
                let names = ServiceKind.allCases.map(\.replicaName).joined(separator: ", ")
                throw ReplicaPlanError(entry: String(entry), reason: "no service '\(name)' (one of: \(names))")
            }
            guard let count = Int(parts[1]), (1...Self.maximumReplicas).contains(count) else {
                throw ReplicaPlanError(entry: String(entry), reason: "the count must be from 1 to \(Self.maximumReplicas)")
            }
            guard seen.insert(kind).inserted else {
                throw ReplicaPlanError(entry: String(entry), reason: "\(kind.replicaName) is given twice")
            }
            counts[kind] = count
        }
    }

    public func replicas(of kind: ServiceKind) -> Int { counts[kind] ?? 1 }
}

/// A `--replicas` entry that cannot be used.
public struct ReplicaPlanError: Error, Hashable, CustomStringConvertible {
    public let entry: String
    public let reason: String
    public var description: String { "invalid replicas '\(entry)': \(reason)" }
}
