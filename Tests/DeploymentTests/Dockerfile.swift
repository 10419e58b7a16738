import Foundation
import PlutusTestSupport

/// What `deploy/docker/Dockerfile` says, read from its text: the executables the image carries
/// and the Debian packages its runtime stage installs.
struct Dockerfile {
    /// The instructions, continuation lines joined, comments dropped, grouped by stage (`FROM`).
    let stages: [[String]]

    static let path = "deploy/docker/Dockerfile"

    init(text: String) {
        var instructions: [String] = []
        var pending = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") { continue }
            if trimmed.hasSuffix("\\") {
                pending += trimmed.dropLast() + " "
                continue
            }
            let instruction = (pending + trimmed).trimmingCharacters(in: .whitespaces)
            pending = ""
            if !instruction.isEmpty { instructions.append(instruction) }
        }
        var stages: [[String]] = []
        for instruction in instructions {
            if instruction.uppercased().hasPrefix("FROM ") {
                stages.append([instruction])
            } else if !stages.isEmpty {
                stages[stages.count - 1].append(instruction)
            }
        }
        self.stages = stages
    }

    static func load() throws -> Dockerfile {
        Dockerfile(text: try String(contentsOfFile: Repository.path(path), encoding: .utf8))
    }

    /// The executables the build stage copies into the image (`ARG PRODUCTS="..."`).
    var products: Set<String> {
        for instruction in stages.flatMap({ $0 }) where instruction.hasPrefix("ARG PRODUCTS=") {
            let value = instruction.dropFirst("ARG PRODUCTS=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return Set(value.split(separator: " ").map(String.init))
        }
        return []
    }

    /// The packages the final stage's `apt-get install` names.
    var runtimePackages: Set<String> {
        guard let runtime = stages.last else { return [] }
        var packages: Set<String> = []
        for instruction in runtime where instruction.hasPrefix("RUN ") {
            for command in instruction.dropFirst(4).components(separatedBy: "&&") {
                let words = command.split(separator: " ").map(String.init)
                guard let install = words.firstIndex(of: "install"), words.prefix(install).contains("apt-get") else { continue }
                packages.formUnion(words[(install + 1)...].filter { !$0.hasPrefix("-") })
            }
        }
        return packages
    }

    /// The final stage's instructions that start with `keyword` (`USER`, `HEALTHCHECK`).
    func runtime(_ keyword: String) -> [String] {
        (stages.last ?? []).filter { $0.uppercased().hasPrefix(keyword.uppercased() + " ") }
    }
}
