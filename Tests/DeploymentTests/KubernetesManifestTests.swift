import Foundation
import PlutusCluster
import PlutusTestSupport
import Testing

/// `deploy/k8s/`: valid against Kubernetes' own schema, every name it refers to exists, and it
/// has the objects an operator needs for each service.
@Suite("Kubernetes manifests")
struct KubernetesManifestTests {
    static let schemaVersion = "1.33.0"

    /// A copy of `deploy/k8s` in a scratch folder, with `file` edited.
    static func brokenCopy(_ file: String, _ edit: (String) -> String) throws -> String {
        let directory = NSTemporaryDirectory() + "plutus-k8s-\(UUID().uuidString.prefix(8))"
        try FileManager.default.copyItem(atPath: Repository.path("deploy/k8s"), toPath: directory)
        let path = "\(directory)/\(file)"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = edit(text)
        #expect(edited != text, "the edit changed nothing")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        return directory
    }

    static func resourceFiles(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".yaml") && $0 != "kustomization.yaml" }.sorted().map { "\(directory)/\($0)" }
    }

    @Test func everyObjectIsValidAgainstTheKubernetesSchema() throws {
        let validate = try DeploymentTools.executable("kubernetes-validate")
        let files = try Self.resourceFiles(in: Repository.path("deploy/k8s"))
        let (status, output) = try DeploymentTools.run(validate, ["--strict", "--quiet", "-k", Self.schemaVersion] + files)
        #expect(status == 0, "\(output)")

        // Strict: a misspelled optional field is refused, not ignored as the API server would.
        let misspelled = try Self.brokenCopy("gateway.yaml") {
            $0.replacingOccurrences(of: "path: /readyz\n              port: http\n            periodSeconds: 5\n            timeoutSeconds",
                                    with: "path: /readyz\n              port: http\n            periodSeconds: 5\n            timeoutSecond")
        }
        let refused = try DeploymentTools.run(
            validate, ["--strict", "--quiet", "-k", Self.schemaVersion, "\(misspelled)/gateway.yaml"])
        #expect(refused.status != 0 && refused.output.contains("'timeoutSecond' was unexpected"), "\(refused.output)")
    }

    @Test func everyReferencedNameExists() throws {
        let manifests = try KubernetesManifests()
        #expect(manifests.problems(executables: try Dockerfile.load().products) == [])
    }

    @Test func brokenReferencesAreFound() throws {
        let products = try Dockerfile.load().products
        let cases: [(file: String, from: String, to: String, problem: String)] = [
            ("context.yaml", "key: PLUTUS_DATA_KEY", "key: PLUTUS_DATA_KEYS", "reads key PLUTUS_DATA_KEYS of Secret plutus-secrets, which does not exist"),
            ("config.yaml", "dns://plutus-goal-agent:7004", "dns://plutus-goal-agent:7044", "Service plutus-goal-agent has no port 7044"),
            ("financial-agent.yaml", "command: [\"plutus-financial-agent\"]", "command: [\"plutus-finance\"]", "runs plutus-finance, which the image does not have"),
            ("gateway.yaml", "port: http\n            periodSeconds", "port: https\n            periodSeconds", "probe uses port https"),
            ("vector.yaml", "serviceName: plutus-vector", "serviceName: plutus-vectors", "names Service plutus-vectors, which is not a headless Service"),
            ("goal-agent.yaml", "  clusterIP: None\n", "", "Service plutus-goal-agent is not headless"),
            ("recommendation-agent.yaml", "    name: plutus-recommendation-agent\n  minReplicas", "    name: plutus-recommender\n  minReplicas", "HorizontalPodAutoscaler plutus-recommendation-agent scales something that does not exist"),
            ("kustomization.yaml", "  - gateway.yaml\n", "", "gateway.yaml is not in kustomization.yaml's resources"),
        ]
        for broken in cases {
            let directory = try Self.brokenCopy(broken.file) { $0.replacingOccurrences(of: broken.from, with: broken.to) }
            let problems = try KubernetesManifests(directory: directory).problems(executables: products)
            #expect(problems.contains { $0.contains(broken.problem) }, "\(broken.file): \(broken.problem) — found \(problems)")
        }
    }

    @Test func eachServiceHasItsWorkloadServiceAndAutoscaling() throws {
        let manifests = try KubernetesManifests()
        for kind in ServiceKind.allCases {
            let name = kind.executable
            let workloadKind = kind == .vector ? "StatefulSet" : "Deployment"
            let workload = try #require(manifests.object(workloadKind, name), "a \(workloadKind) \(name)")
            #expect(workload.spec?.template?.spec.containers.first?.command == [name])
            let service = try #require(manifests.object("Service", name), "a Service \(name)")
            if kind != .gateway { #expect(service.spec?.clusterIP == "None", "\(name)'s Service is headless") }
            if kind.isAgent {
                let autoscaler = try #require(manifests.object("HorizontalPodAutoscaler", name), "an autoscaler for \(name)")
                #expect(autoscaler.spec?.scaleTargetRef?.name == name)
                #expect((autoscaler.spec?.minReplicas ?? 0) >= 1 && (autoscaler.spec?.maxReplicas ?? 0) > (autoscaler.spec?.minReplicas ?? 0))
            }
        }
        let vector = try #require(manifests.object("StatefulSet", "plutus-vector"))
        #expect(vector.spec?.volumeClaimTemplates?.map(\.identifier) == ["data"])
        let migrate = try #require(manifests.objects("Job").first)
        #expect(migrate.spec?.template?.spec.containers.first?.command == ["plutus", "migrate"])
        let secret = try #require(manifests.object("Secret", "plutus-secrets"))
        #expect(secret.keys.isSuperset(of: ["PLUTUS_JWT_SECRET", "PLUTUS_DATA_KEY", "PLUTUS_CLUSTER_TOKEN", "ANTHROPIC_API_KEY", "DATABASE_URL", "REDIS_URL"]))
        #expect(secret.stringData?.values.contains { $0.contains("replace-me") } == true, "the Secret is a template, with no real secret")
    }
}
