import Foundation

/// What `plutus up` started, written to `<run directory>/cluster.json` so that `plutus health`
/// and other tools can find every instance.
public struct ClusterManifest: Codable, Hashable, Sendable {
    /// One running process of a service.
    public struct Instance: Codable, Hashable, Sendable {
        public let kind: ServiceKind
        /// 1-based among the replicas of its kind.
        public let replica: Int
        /// Where it listens: `unix://...`.
        public let address: String
        public let logFile: String
        /// The process serving it now; it changes when the supervisor restarts it.
        public var pid: Int32?

        public init(kind: ServiceKind, replica: Int, address: String, logFile: String, pid: Int32? = nil) {
            self.kind = kind
            self.replica = replica
            self.address = address
            self.logFile = logFile
            self.pid = pid
        }

        /// `financial-agent-2`.
        public var name: String { "\(kind.rawValue)-\(replica)" }
    }

    /// The process id of the supervising `plutus up`.
    public let supervisorPID: Int32
    public var instances: [Instance]

    public init(supervisorPID: Int32, instances: [Instance]) {
        self.supervisorPID = supervisorPID
        self.instances = instances
    }

    /// The file's name in the run directory.
    public static let fileName = "cluster.json"

    /// The comma-separated addresses of every replica of `kind`, as services take them.
    public func addresses(of kind: ServiceKind) -> String {
        instances.filter { $0.kind == kind }.map(\.address).joined(separator: ",")
    }

    public func write(to directory: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let url = URL(fileURLWithPath: directory).appendingPathComponent(Self.fileName)
        try encoder.encode(self).write(to: url, options: .atomic)
    }

    /// Reads the manifest in `directory`.
    /// - Throws: ``ClusterManifestError`` when there is none or it cannot be read.
    public static func read(from directory: String) throws -> ClusterManifest {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(fileName).path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ClusterManifestError(path: path, reason: "no cluster is running here (start one with `plutus up`)")
        }
        do {
            return try JSONDecoder().decode(ClusterManifest.self, from: data)
        } catch {
            throw ClusterManifestError(path: path, reason: "the manifest is not valid: \(error)")
        }
    }
}

/// A cluster manifest that is missing or unreadable.
public struct ClusterManifestError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}
