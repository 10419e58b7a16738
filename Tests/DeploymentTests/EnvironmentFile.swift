import Foundation
import PlutusTestSupport

/// `.env` as an operator makes it: `deploy/docker/make-env.sh`, which fills every `replace-me`
/// of `.env.example` with a fresh secret.
enum EnvironmentFile {
    /// The `NAME=value` lines of `.env.example`, in order (comments and blank lines skipped).
    static func example() throws -> [(name: String, value: String)] {
        try parse(String(contentsOfFile: Repository.path(".env.example"), encoding: .utf8))
    }

    /// Runs `make-env.sh` into `directory`; returns the file's path and its values.
    static func write(in directory: String) async throws -> (path: String, values: [String: String]) {
        let path = directory + "/plutus.env"
        try await ScriptRunner.run("deploy/docker/make-env.sh", [path])
        let values = try parse(String(contentsOfFile: path, encoding: .utf8))
        return (path, Dictionary(values.map { ($0.name, $0.value) }) { _, last in last })
    }

    static func parse(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { return nil }
            return (String(trimmed[..<equals]), String(trimmed[trimmed.index(after: equals)...]))
        }
    }
}
