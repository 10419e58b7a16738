import Foundation

/// Where the PostgreSQL and Redis that `deploy/local/services.sh up` started for this checkout listen.
///
/// Read from the environment first (`DATABASE_URL`, `REDIS_URL`), then from `.data/services.env`,
/// which the script writes. A test that needs a service and finds neither fails with a message
/// that names the command to run; it never passes without the real service.
public enum LocalServices {
    public struct Missing: Error, CustomStringConvertible {
        public let variable: String
        public var description: String {
            "\(variable) is not set and .data/services.env has none: run `make services` (or `make test`) first"
        }
    }

    public static func databaseURL() throws -> String { try value(of: "DATABASE_URL") }
    public static func redisURL() throws -> String { try value(of: "REDIS_URL") }

    /// This process's environment with the local services' settings added (the URLs and the
    /// development secrets), for the service processes a test starts.
    public static func environment() -> [String: String] {
        ProcessInfo.processInfo.environment.merging(fileValues) { current, _ in current }
    }

    /// The value of `variable` from the environment or the file the service script writes.
    public static func value(of variable: String) throws -> String {
        if let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty { return value }
        if let value = fileValues[variable], !value.isEmpty { return value }
        throw Missing(variable: variable)
    }

    private static let fileValues: [String: String] = {
        guard let text = try? String(contentsOfFile: Repository.path(".data/services.env"), encoding: .utf8) else {
            return [:]
        }
        return environmentFileValues(text)
    }()

    /// The `NAME=value` lines of an environment file (`.env`, `services.env`): comments and blank
    /// lines skipped, a leading `export ` dropped, the value taken as written.
    public static func environmentFileValues(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<equals].replacingOccurrences(of: "export ", with: "")
            values[key] = String(trimmed[trimmed.index(after: equals)...])
        }
        return values
    }
}
