import Foundation
import PlutusTestSupport

/// The objects of `deploy/k8s/`, read through PyYAML (as JSON) into the few fields the reference
/// checks need, and the checks themselves: every name a manifest refers to exists.
struct KubernetesManifests {
    struct Object: Decodable {
        let kind: String
        let metadata: Metadata
        let spec: Spec?
        let data: [String: String]?
        let stringData: [String: String]?

        /// Keys of a Secret or ConfigMap.
        var keys: Set<String> { Set((data ?? [:]).keys).union((stringData ?? [:]).keys) }
    }

    struct Metadata: Decodable {
        let name: String
        let labels: [String: String]?
    }

    /// A pod template's metadata: labels, and no name of its own.
    struct Labels: Decodable {
        let labels: [String: String]?
    }

    struct Spec: Decodable {
        let selector: Selector?
        let template: PodTemplate?
        let serviceName: String?
        let volumeClaimTemplates: [Named]?
        let clusterIP: String?
        let ports: [ServicePort]?
        let scaleTargetRef: ScaleTarget?
        let minReplicas: Int?
        let maxReplicas: Int?
    }

    /// A Service's selector (labels) or a workload's (`matchLabels`).
    struct Selector: Decodable {
        let labels: [String: String]
        init(from decoder: any Decoder) throws {
            if let labels = try? [String: String](from: decoder) {
                self.labels = labels
            } else {
                struct LabelSelector: Decodable { let matchLabels: [String: String]? }
                labels = try LabelSelector(from: decoder).matchLabels ?? [:]
            }
        }
    }

    struct PodTemplate: Decodable {
        let metadata: Labels?
        let spec: PodSpec
    }

    struct PodSpec: Decodable {
        let containers: [Container]
        let volumes: [Named]?
    }

    struct Named: Decodable {
        let name: String?
        let metadata: Metadata?
        var identifier: String { name ?? metadata?.name ?? "" }
    }

    struct Container: Decodable {
        let name: String
        let image: String
        let command: [String]?
        let ports: [ContainerPort]?
        let env: [EnvVar]?
        let envFrom: [EnvFrom]?
        let readinessProbe: Probe?
        let livenessProbe: Probe?
        let resources: Resources?
        let volumeMounts: [VolumeMount]?
    }

    struct ContainerPort: Decodable {
        let name: String?
        let containerPort: Int
    }

    struct EnvVar: Decodable {
        let name: String
        let value: String?
        let valueFrom: ValueFrom?
    }

    struct ValueFrom: Decodable {
        let secretKeyRef: KeyRef?
        let configMapKeyRef: KeyRef?
    }

    struct KeyRef: Decodable {
        let name: String
        let key: String
    }

    struct EnvFrom: Decodable {
        let configMapRef: NameRef?
        let secretRef: NameRef?
    }

    struct NameRef: Decodable { let name: String }

    struct Probe: Decodable {
        let exec: Exec?
        let httpGet: PortRef?
        let tcpSocket: PortRef?
    }

    struct Exec: Decodable { let command: [String] }

    struct PortRef: Decodable { let port: PortName }

    /// A port given by number or by name.
    enum PortName: Decodable, CustomStringConvertible {
        case number(Int)
        case name(String)
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) { self = .number(number) } else { self = .name(try container.decode(String.self)) }
        }
        var description: String {
            switch self {
            case .number(let number): "\(number)"
            case .name(let name): name
            }
        }
    }

    struct Resources: Decodable {
        let requests: [String: String]?
        let limits: [String: String]?
    }

    struct VolumeMount: Decodable {
        let name: String
        let mountPath: String
    }

    struct ServicePort: Decodable {
        let name: String?
        let port: Int
        let targetPort: PortName?
    }

    struct ScaleTarget: Decodable {
        let kind: String
        let name: String
    }

    struct Kustomization: Decodable {
        let resources: [String]
        let images: [Image]?
        struct Image: Decodable { let name: String }
    }

    static let workloadKinds: Set<String> = ["Deployment", "StatefulSet", "Job"]

    let directory: String
    /// Every object, with the file it came from.
    let objects: [(file: String, object: Object)]
    let kustomization: Kustomization

    /// Reads every `.yaml` file of `directory` (default: the checkout's `deploy/k8s`), in one run
    /// of PyYAML's safe loader.
    /// - Throws: when a file does not parse as YAML, or an object lacks a field every object has.
    init(directory: String = Repository.path("deploy/k8s")) throws {
        struct Parsed: Decodable {
            let kustomization: [Kustomization]
            let objects: [String: [Object]]
        }
        let script = """
            import json, os, sys, yaml
            folder = sys.argv[1]
            def load(name):
                with open(os.path.join(folder, name)) as f:
                    return [d for d in yaml.safe_load_all(f) if d is not None]
            names = sorted(n for n in os.listdir(folder) if n.endswith('.yaml'))
            json.dump({'kustomization': load('kustomization.yaml') if 'kustomization.yaml' in names else [],
                       'objects': {n: load(n) for n in names if n != 'kustomization.yaml'}}, sys.stdout)
            """
        let output = try ScriptRunner.runProgram("/usr/bin/env", ["python3", "-c", script, directory])
        let parsed = try JSONDecoder().decode(Parsed.self, from: Data(output.utf8))
        guard let kustomization = parsed.kustomization.first else { throw TopologyError("\(directory) has no kustomization.yaml") }
        self.directory = directory
        self.objects = parsed.objects.sorted { $0.key < $1.key }.flatMap { file, objects in objects.map { (file, $0) } }
        self.kustomization = kustomization
    }

    func objects(_ kind: String) -> [Object] { objects.filter { $0.object.kind == kind }.map(\.object) }
    func object(_ kind: String, _ name: String) -> Object? { objects(kind).first { $0.metadata.name == name } }
    var workloads: [Object] { objects.map(\.object).filter { Self.workloadKinds.contains($0.kind) } }

    /// Everything that refers to something missing, one sentence each; empty when all is well.
    /// - Parameter executables: the commands the image has.
    func problems(executables: Set<String>) -> [String] {
        var problems: [String] = []
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let listed = Set(kustomization.resources)
        let present = Set(files.filter { $0.hasSuffix(".yaml") && $0 != "kustomization.yaml" })
        for missing in listed.subtracting(present) { problems.append("kustomization.yaml lists \(missing), which does not exist") }
        for unlisted in present.subtracting(listed) { problems.append("\(unlisted) is not in kustomization.yaml's resources") }
        let imageNames = Set((kustomization.images ?? []).map(\.name))

        for workload in workloads {
            problems += self.problems(of: workload, executables: executables, images: imageNames)
        }
        for service in objects("Service") {
            problems += self.problems(ofService: service)
        }
        for autoscaler in objects("HorizontalPodAutoscaler") {
            let name = autoscaler.metadata.name
            guard let target = autoscaler.spec?.scaleTargetRef, let deployment = object(target.kind, target.name) else {
                problems.append("HorizontalPodAutoscaler \(name) scales something that does not exist")
                continue
            }
            let containers = deployment.spec?.template?.spec.containers ?? []
            if containers.contains(where: { $0.resources?.requests?["cpu"] == nil }) {
                problems.append("HorizontalPodAutoscaler \(name) scales on CPU, and \(target.name) requests none")
            }
        }
        for statefulSet in objects("StatefulSet") {
            let serviceName = statefulSet.spec?.serviceName ?? ""
            if object("Service", serviceName)?.spec?.clusterIP != "None" {
                problems.append("StatefulSet \(statefulSet.metadata.name) names Service \(serviceName), which is not a headless Service")
            }
        }
        return problems
    }

    private func problems(of workload: Object, executables: Set<String>, images: Set<String>) -> [String] {
        var problems: [String] = []
        let name = "\(workload.kind) \(workload.metadata.name)"
        guard let template = workload.spec?.template else { return ["\(name) has no pod template"] }
        let labels = template.metadata?.labels ?? [:]
        if workload.kind != "Job" {
            let selector = workload.spec?.selector?.labels ?? [:]
            if selector.isEmpty || !selector.allSatisfy({ labels[$0.key] == $0.value }) {
                problems.append("\(name)'s selector does not match its pods' labels")
            }
        }
        let volumes = Set((template.spec.volumes ?? []).map(\.identifier) + (workload.spec?.volumeClaimTemplates ?? []).map(\.identifier))
        for container in template.spec.containers {
            let where_ = "\(name), container \(container.name)"
            if !images.contains(container.image) { problems.append("\(where_) runs image \(container.image), which kustomization.yaml does not set") }
            if let command = container.command?.first, !executables.contains(command) {
                problems.append("\(where_) runs \(command), which the image does not have")
            }
            if container.command?.first == nil { problems.append("\(where_) does not say which executable it runs") }
            let ports = container.ports ?? []
            for env in container.env ?? [] {
                if let reference = env.valueFrom?.secretKeyRef, object("Secret", reference.name)?.keys.contains(reference.key) != true {
                    problems.append("\(where_) reads key \(reference.key) of Secret \(reference.name), which does not exist")
                }
                if let reference = env.valueFrom?.configMapKeyRef, object("ConfigMap", reference.name)?.keys.contains(reference.key) != true {
                    problems.append("\(where_) reads key \(reference.key) of ConfigMap \(reference.name), which does not exist")
                }
                if env.name == "PLUTUS_LISTEN", let value = env.value {
                    let port = value.split(separator: ":").last.flatMap { Int($0) }
                    if !ports.contains(where: { $0.containerPort == port && $0.name == "rpc" }) {
                        problems.append("\(where_) listens on \(value), and declares no `rpc` port \(port ?? 0)")
                    }
                }
            }
            var values = (container.env ?? []).compactMap(\.value)
            for source in container.envFrom ?? [] {
                if let reference = source.configMapRef {
                    if let map = object("ConfigMap", reference.name) { values += (map.data ?? [:]).values } else {
                        problems.append("\(where_) takes its environment from ConfigMap \(reference.name), which does not exist")
                    }
                }
                if let reference = source.secretRef, object("Secret", reference.name) == nil {
                    problems.append("\(where_) takes its environment from Secret \(reference.name), which does not exist")
                }
            }
            for value in values where value.hasPrefix("dns://") {
                let parts = value.dropFirst("dns://".count).split(separator: ":")
                let service = parts.first.map(String.init) ?? ""
                let port = parts.last.flatMap { Int($0) }
                guard let target = object("Service", service) else {
                    problems.append("\(where_) calls \(value): there is no Service \(service)")
                    continue
                }
                if !(target.spec?.ports ?? []).contains(where: { $0.port == port }) {
                    problems.append("\(where_) calls \(value): Service \(service) has no port \(port ?? 0)")
                }
                if target.spec?.clusterIP != "None" {
                    problems.append("\(where_) calls \(value): Service \(service) is not headless, so DNS gives one address, not every pod")
                }
            }
            let probes = [("readiness", container.readinessProbe), ("liveness", container.livenessProbe)]
            for (kind, probe) in probes {
                guard let probe else {
                    if workload.kind != "Job" { problems.append("\(where_) has no \(kind) probe") }
                    continue
                }
                if let command = probe.exec?.command.first, !executables.contains(command) {
                    problems.append("\(where_)'s \(kind) probe runs \(command), which the image does not have")
                }
                if let port = (probe.httpGet ?? probe.tcpSocket)?.port, !Self.has(port, in: ports) {
                    problems.append("\(where_)'s \(kind) probe uses port \(port), which the container does not declare")
                }
            }
            for mount in container.volumeMounts ?? [] where !volumes.contains(mount.name) {
                problems.append("\(where_) mounts volume \(mount.name), which the pod does not have")
            }
        }
        return problems
    }

    private func problems(ofService service: Object) -> [String] {
        let name = "Service \(service.metadata.name)"
        let selector = service.spec?.selector?.labels ?? [:]
        let selected = workloads.filter { workload in
            let labels = workload.spec?.template?.metadata?.labels ?? [:]
            return !selector.isEmpty && selector.allSatisfy { labels[$0.key] == $0.value }
        }
        guard !selected.isEmpty else { return ["\(name) selects no pods"] }
        var problems: [String] = []
        for port in service.spec?.ports ?? [] {
            let target = port.targetPort ?? .number(port.port)
            for workload in selected {
                let ports = (workload.spec?.template?.spec.containers ?? []).flatMap { $0.ports ?? [] }
                if !Self.has(target, in: ports) {
                    problems.append("\(name) sends port \(port.port) to \(target), which \(workload.metadata.name)'s containers do not declare")
                }
            }
        }
        return problems
    }

    private static func has(_ port: PortName, in ports: [ContainerPort]) -> Bool {
        switch port {
        case .number(let number): ports.contains { $0.containerPort == number }
        case .name(let name): ports.contains { $0.name == name }
        }
    }
}
