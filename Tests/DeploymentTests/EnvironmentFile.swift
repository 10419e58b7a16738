import Foundation
import PlutusTestSupport

/// `.env` as an operator makes it: `deploy/docker/make-env.sh`, which fills every `replace-me`
/// of `.env.example` with a fresh secret.
enum EnvironmentFile {
    /// The settings `.env.example` documents, with their example values.
    static func example() throws -> [String: String] {
        LocalServices.environmentFileValues(try String(contentsOfFile: Repository.path(".env.example"), encoding: .utf8))
    }

    /// Runs `make-env.sh` into `directory`; returns the file's path and its values.
    static func write(in directory: String) async throws -> (path: String, values: [String: String]) {
        let path = directory + "/plutus.env"
        try await ScriptRunner.run("deploy/docker/make-env.sh", [path])
        return (path, LocalServices.environmentFileValues(try String(contentsOfFile: path, encoding: .utf8)))
    }
}
