import Foundation
import PlutusTestSupport

/// A compose project as the real Compose v2 engine resolves it (`docker-compose config --format
/// json`): variables interpolated, anchors merged, replicas and limits normalized. The tests read
/// the engine's view rather than parsing the YAML themselves.
struct ComposeProject: Decodable {
    let name: String
    let services: [String: Service]
    let volumes: [String: Volume]?

    struct Volume: Decodable {
        let name: String?
    }

    struct Service: Decodable {
        let image: String?
        let build: Build?
        let command: [String]?
        let environment: [String: String?]?
        let healthcheck: Healthcheck?
        let dependsOn: [String: Dependency]?
        let deploy: Deploy?
        let ports: [Port]?
        let volumes: [Mount]?

        enum CodingKeys: String, CodingKey {
            case image, build, command, environment, healthcheck, deploy, ports, volumes
            case dependsOn = "depends_on"
        }

        /// The environment with pass-through (valueless) entries dropped.
        var resolvedEnvironment: [String: String] { (environment ?? [:]).compactMapValues { $0 } }
        var replicas: Int { deploy?.replicas ?? 1 }
        /// The port it listens on for RPC, from `PLUTUS_LISTEN` (`tcp://0.0.0.0:7003`).
        var listenPort: Int? {
            resolvedEnvironment["PLUTUS_LISTEN"].flatMap { $0.split(separator: ":").last }.flatMap { Int($0) }
        }
    }

    struct Build: Decodable {
        let context: String
        let dockerfile: String?
    }

    struct Healthcheck: Decodable {
        let test: [String]?
        let disable: Bool?
    }

    struct Dependency: Decodable {
        let condition: String
    }

    struct Deploy: Decodable {
        let replicas: Int?
        let resources: Resources?
    }

    struct Resources: Decodable {
        let limits: Limits?
    }

    struct Limits: Decodable {
        let cpus: Double?
        let memory: String?
    }

    struct Port: Decodable {
        let target: Int
        let published: String?
        let hostIP: String?

        enum CodingKeys: String, CodingKey {
            case target, published
            case hostIP = "host_ip"
        }
    }

    struct Mount: Decodable {
        let type: String
        let source: String?
        let target: String
    }

    /// Resolves `file` (a path in the checkout) with the engine, interpolating from `envFile` and
    /// `environment` (which wins, as a shell's variables do).
    /// - Throws: ``ComposeError`` with the engine's message when it refuses the file.
    static func load(
        file: String = "docker-compose.yml", envFile: String?, environment: [String: String] = [:]
    ) throws -> ComposeProject {
        let arguments = ["--file", file] + (envFile.map { ["--env-file", $0] } ?? []) + ["config", "--format", "json"]
        let (status, output) = try DeploymentTools.run(
            try DeploymentTools.compose(), arguments, environment: composeEnvironment(environment))
        guard status == 0, let start = output.firstIndex(of: "{") else { throw ComposeError(output: output) }
        return try JSONDecoder().decode(ComposeProject.self, from: Data(output[start...].utf8))
    }

    /// `config -q`: whether the engine accepts the file; its message when not.
    static func validate(file: String, envFile: String?, environment: [String: String] = [:]) throws -> (
        valid: Bool, message: String
    ) {
        let arguments = ["--file", file] + (envFile.map { ["--env-file", $0] } ?? []) + ["config", "-q"]
        let (status, output) = try DeploymentTools.run(
            try DeploymentTools.compose(), arguments, environment: composeEnvironment(environment))
        return (status == 0, output)
    }

    /// A clean environment for the engine: no variable of the developer's shell leaks into the
    /// interpolation, only `PATH`, `HOME` and what the test gives.
    private static func composeEnvironment(_ extra: [String: String]) -> [String: String] {
        let inherited = ProcessInfo.processInfo.environment
        var environment = ["PATH": inherited["PATH"] ?? "/usr/bin:/bin", "HOME": inherited["HOME"] ?? "/root"]
        environment.merge(extra) { _, new in new }
        return environment
    }
}

struct ComposeError: Error, CustomStringConvertible {
    let output: String
    var description: String { "docker-compose refused the file: \(output)" }
}
