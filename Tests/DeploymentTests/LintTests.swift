import Foundation
import PlutusTestSupport
import Testing

/// The deployment's YAML and every shell script of the checkout, under yamllint and shellcheck
/// with the checkout's own settings (`.yamllint`, `.shellcheckrc`).
@Suite("Lint: yamllint and shellcheck")
struct LintTests {
    /// The checkout's files tracked by git whose path matches `suffixes`.
    static func tracked(_ suffixes: [String]) throws -> [String] {
        try ScriptRunner.runProgram("/usr/bin/env", ["git", "-C", Repository.root.path, "ls-files"])
            .split(separator: "\n").map(String.init).filter { path in suffixes.contains { path.hasSuffix($0) } }
    }

    @Test func yamlIsClean() throws {
        let files = try Self.tracked([".yml", ".yaml", ".yamllint"])
        #expect(files.contains("docker-compose.yml") && files.contains("deploy/k8s/kustomization.yaml"), "\(files)")
        let (status, output) = try DeploymentTools.run(try DeploymentTools.executable("yamllint"), ["--strict"] + files)
        #expect(status == 0, "\(output)")
    }

    @Test func shellScriptsAreClean() throws {
        let scripts = try Self.tracked([".sh", ".ci/run"])
        #expect(scripts.count > 5 && scripts.contains("deploy/local/common.sh"), "\(scripts)")
        let (status, output) = try DeploymentTools.run(try DeploymentTools.executable("shellcheck"), scripts)
        #expect(status == 0, "\(output)")
    }
}
