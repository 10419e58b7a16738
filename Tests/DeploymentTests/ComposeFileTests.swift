import Foundation
import PlutusCluster
import PlutusTestSupport
import Testing

/// `docker-compose.yml` as the real Compose v2 engine reads it: accepted with the documented
/// settings, refused when broken, and the topology an operator needs.
@Suite("docker-compose.yml")
struct ComposeFileTests {
    /// The services that are not Plutus's own image.
    static let infrastructure: Set<String> = ["postgres", "redis"]

    static func project(_ environment: [String: String] = [:]) throws -> ComposeProject {
        try ComposeProject.load(envFile: ".env.example", environment: environment)
    }

    /// A scratch folder holding a copy of the compose file with `edit` applied.
    static func brokenCopy(_ edit: (String) -> String) throws -> String {
        let directory = NSTemporaryDirectory() + "plutus-compose-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: Repository.path("docker-compose.yml"), encoding: .utf8)
        let edited = edit(text)
        #expect(edited != text, "the edit changed nothing")
        try edited.write(toFile: directory + "/docker-compose.yml", atomically: true, encoding: .utf8)
        return directory + "/docker-compose.yml"
    }

    @Test func theComposeEngineAcceptsItWithTheExampleSettings() throws {
        let (valid, message) = try ComposeProject.validate(file: "docker-compose.yml", envFile: ".env.example")
        #expect(valid, "\(message)")
    }

    @Test func theEngineRefusesBrokenCopiesAndMissingSecrets() throws {
        let noSecrets = try ComposeProject.validate(file: "docker-compose.yml", envFile: nil)
        #expect(!noSecrets.valid)
        #expect(noSecrets.message.contains("required variable") && noSecrets.message.contains(".env.example"), "\(noSecrets.message)")

        let undefined = try Self.brokenCopy {
            $0.replacingOccurrences(of: "      vector:\n        condition: service_healthy\n    deploy:\n      replicas: ${PLUTUS_CONTEXT",
                                    with: "      ledger:\n        condition: service_healthy\n    deploy:\n      replicas: ${PLUTUS_CONTEXT")
        }
        let refusedUndefined = try ComposeProject.validate(file: undefined, envFile: Repository.path(".env.example"))
        #expect(!refusedUndefined.valid && refusedUndefined.message.contains("ledger"), "\(refusedUndefined.message)")

        let badSchema = try Self.brokenCopy {
            $0.replacingOccurrences(of: "replicas: ${PLUTUS_FINANCIAL_AGENT_REPLICAS:-1}", with: "replicas: many")
        }
        let refusedSchema = try ComposeProject.validate(file: badSchema, envFile: Repository.path(".env.example"))
        #expect(!refusedSchema.valid && refusedSchema.message.contains("replicas"), "\(refusedSchema.message)")
    }

    @Test func everyPlutusServiceRunsTheOneImageWithACommandItHas() throws {
        let project = try Self.project()
        let products = try Dockerfile.load().products
        var commands: Set<String> = []
        for (name, service) in project.services where !Self.infrastructure.contains(name) {
            #expect(service.image == "plutus:local", "\(name) runs \(service.image ?? "no image")")
            #expect(service.build?.dockerfile == Dockerfile.path, "\(name) is built from \(Dockerfile.path)")
            let command = try #require(service.command?.first, "\(name) has a command")
            #expect(products.contains(command), "\(name) runs \(command), which the image lacks (it has \(products.sorted()))")
            commands.insert(command)
        }
        let needed = Set(ServiceKind.allCases.map(\.executable)).union(["plutus"])
        #expect(needed.isSubset(of: commands), "compose runs \(commands.sorted()); every service needs one: \(needed.sorted())")
    }

    @Test func onlyTheGatewayPublishesAPortAndEachAgentTypeScalesOnItsOwn() throws {
        for (name, service) in try Self.project().services {
            #expect((service.ports ?? []).isEmpty == (name != "gateway"), "\(name) publishes \(service.ports ?? [])")
        }
        let agents = ServiceKind.allCases.filter(\.isAgent)
        var replicas: [String: String] = [:]
        for (index, kind) in agents.enumerated() {
            replicas["PLUTUS_\(kind.rawValue.uppercased().replacingOccurrences(of: "-", with: "_"))_REPLICAS"] = "\(index + 2)"
        }
        let scaled = try Self.project(replicas)
        for (index, kind) in agents.enumerated() {
            #expect(scaled.services[kind.rawValue]?.replicas == index + 2, "\(kind.rawValue) follows its own variable")
        }
        #expect(try Self.project().services["financial-agent"]?.replicas == 1)
    }

    @Test func servicesFindEveryReplicaByNameAndEachAddressHasAListener() throws {
        let project = try Self.project()
        for (name, service) in project.services {
            for (variable, value) in service.resolvedEnvironment where value.hasPrefix("dns://") {
                let hostAndPort = value.dropFirst("dns://".count).split(separator: ":")
                let target = try #require(project.services[String(hostAndPort[0])], "\(name).\(variable) = \(value): no such service")
                #expect(target.listenPort == Int(hostAndPort[1]), "\(name).\(variable) = \(value), but it listens on \(target.listenPort ?? 0)")
            }
        }
        let gateway = try #require(project.services["gateway"]).resolvedEnvironment
        for kind in ServiceKind.gateway.upstreams {
            #expect(gateway[kind.addressVariable]?.hasPrefix("dns://\(kind.rawValue):") == true, "gateway finds \(kind.rawValue)")
        }
        #expect(project.services["context"]?.resolvedEnvironment["PLUTUS_VECTOR_ADDRESS"] == "dns://vector:7006")
    }

    @Test func startsWaitForHealthAndEveryServiceHasLimits() throws {
        let project = try Self.project()
        for (name, service) in project.services {
            let limits = service.deploy?.resources?.limits
            #expect(limits?.cpus != nil && limits?.memory != nil, "\(name) has cpu and memory limits")
            for (dependency, condition) in service.dependsOn ?? [:] {
                let target = try #require(project.services[dependency])
                if dependency == "migrate" {
                    #expect(condition.condition == "service_completed_successfully", "\(name) waits for the migrations to finish")
                } else {
                    #expect(condition.condition == "service_healthy", "\(name) waits for \(dependency) to be healthy")
                    #expect(target.healthcheck?.test?.isEmpty == false && target.healthcheck?.disable != true, "\(dependency) has a health check")
                }
            }
        }
        for (name, mountPoint) in [("postgres", "/var/lib/postgresql/data"), ("vector", "/var/lib/plutus/vector")] {
            let mount = try #require(project.services[name]?.volumes?.first { $0.target == mountPoint }, "\(name) keeps its data")
            #expect(mount.type == "volume" && project.volumes?[mount.source ?? ""] != nil)
        }
        #expect(project.services["vector"]?.resolvedEnvironment["PLUTUS_VECTOR_DIR"] == "/var/lib/plutus/vector")
        #expect(project.services["vector"]?.resolvedEnvironment["PLUTUS_VECTOR_BACKEND"] == "embedded", "no ChromaDB by default")
        for service in ["context", "gateway", "migrate"] {
            #expect(project.services[service]?.dependsOn?["migrate"] != nil || service == "migrate", "\(service) starts after the migrations")
        }
    }

    @Test func secretsComeFromTheEnvironmentFileAndEveryVariableIsDocumented() async throws {
        let text = try String(contentsOfFile: Repository.path("docker-compose.yml"), encoding: .utf8)
        let documented = Set(try EnvironmentFile.example().keys)
        let referenced = try Regex(#"\$\{([A-Z0-9_]+)"#)
        let variables = Set(text.matches(of: referenced).compactMap { $0.output[1].substring.map(String.init) })
        #expect(variables.subtracting(documented).subtracting(["PLUTUS_IMAGE"]).isEmpty,
                "used by docker-compose.yml but missing from .env.example: \(variables.subtracting(documented).sorted())")

        let directory = NSTemporaryDirectory() + "plutus-env-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let (file, values) = try await EnvironmentFile.write(in: directory)
        let project = try ComposeProject.load(envFile: file)
        for secret in ["PLUTUS_JWT_SECRET", "PLUTUS_DATA_KEY", "PLUTUS_CLUSTER_TOKEN"] {
            let value = try #require(values[secret])
            #expect(!text.contains(value))
            let holders = project.services.filter { $0.value.resolvedEnvironment[secret] != nil }
            #expect(!holders.isEmpty && holders.allSatisfy { $0.value.resolvedEnvironment[secret] == value }, "\(secret) reaches the services")
        }
        // The agents see the model's key, not the data key or the token signing secret.
        for kind in ServiceKind.allCases where kind.isAgent {
            let environment = try #require(project.services[kind.rawValue]).resolvedEnvironment
            #expect(environment["PLUTUS_DATA_KEY"] == nil && environment["PLUTUS_JWT_SECRET"] == nil, "\(kind.rawValue) holds no secret it does not need")
        }
    }
}
