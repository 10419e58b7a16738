import Foundation
import PlutusCluster
import PlutusTestSupport
import Testing

/// `deploy/docker/Dockerfile`: clean under hadolint, one image with every executable, and a
/// runtime stage installing exactly the libraries the release binaries link.
@Suite("Dockerfile")
struct DockerfileTests {
    /// Packages `debian:bookworm-slim` already has, which the release binaries also link.
    static let basePackages: Set<String> = ["libc6", "libgcc-s1", "libstdc++6"]
    /// Installed for what no binary links: libcurl checks TLS peers against its CA bundle.
    static let dataPackages: Set<String> = ["ca-certificates"]

    @Test func hadolintFindsNothing() throws {
        let (status, output) = try DeploymentTools.run(try DeploymentTools.executable("hadolint"), [Dockerfile.path])
        #expect(status == 0, "\(output)")
        let bad = NSTemporaryDirectory() + "plutus-Dockerfile-\(UUID().uuidString.prefix(8))"
        try "FROM debian\nRUN apt-get install curl\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try DeploymentTools.run(try DeploymentTools.executable("hadolint"), [bad])
        #expect(refused.status != 0 && refused.output.contains("DL3006"), "hadolint is really checking: \(refused.output)")
    }

    @Test func oneImageCarriesEveryExecutableRunsUnprivilegedAndChecksItsHealth() throws {
        let dockerfile = try Dockerfile.load()
        #expect(dockerfile.stages.count == 2, "a build stage and a runtime stage")
        #expect(dockerfile.stages.first?.first?.contains("swift:") == true, "built with the official Swift image")
        #expect(dockerfile.stages.last?.first?.contains("debian:") == true && dockerfile.stages.last?.first?.contains("-slim") == true)
        let expected = Set(ServiceKind.allCases.map(\.executable)).union(["plutus", "plutus-loadgen"])
        #expect(dockerfile.products == expected)
        #expect(dockerfile.stages.first?.contains { $0.contains("--static-swift-stdlib") && $0.contains("-c release") } == true)
        let user = try #require(dockerfile.runtime("USER").last)
        #expect(!user.contains("root") && !user.hasPrefix("USER 0"), "\(user)")
        #expect(dockerfile.runtime("HEALTHCHECK").first?.contains(#"CMD ["plutus", "health", "--local"]"#) == true)

        let ignored = try String(contentsOfFile: Repository.path(".dockerignore"), encoding: .utf8).split(separator: "\n").map(String.init)
        for pattern in [".build*", ".data", ".env"] { #expect(ignored.contains(pattern), ".dockerignore keeps \(pattern) out") }
    }

    @Test func theRuntimePackagesAreExactlyTheLibrariesTheReleaseBinariesLink() throws {
        let dockerfile = try Dockerfile.load()
        var linked: [String: Set<String>] = [:]  // package → binaries linking it
        for product in dockerfile.products.sorted() {
            let binary = Repository.path(".build/release/\(product)")
            guard FileManager.default.isExecutableFile(atPath: binary) else {
                Issue.record("\(binary) is missing: `make test` builds the release binaries first (swift build -c release --static-swift-stdlib)")
                continue
            }
            let libraries = try Self.linkedLibraries(of: binary)
            #expect(!libraries.keys.contains { $0.hasPrefix("libswift") || $0.hasPrefix("libFoundation") || $0.hasPrefix("lib_Foundation") },
                    "\(product) carries the Swift runtime inside (static stdlib): \(libraries.keys.sorted())")
            for (soname, path) in libraries {
                let package = try Self.package(owning: path, soname: soname)
                linked[package, default: []].insert(product)
            }
        }
        let needed = Set(linked.keys).subtracting(Self.basePackages)
        let installed = dockerfile.runtimePackages.subtracting(Self.dataPackages)
        #expect(needed == installed, "linked beyond the base image: \(needed.sorted()); installed: \(installed.sorted())")
        #expect(dockerfile.runtimePackages.isSuperset(of: Self.dataPackages))
    }

    /// The libraries `binary` names as NEEDED, with the paths `ldd` resolves them to.
    static func linkedLibraries(of binary: String) throws -> [String: String] {
        let dynamic = try ScriptRunner.runProgram("/usr/bin/env", ["readelf", "-d", binary])
        let needed = dynamic.split(separator: "\n").compactMap { line -> String? in
            guard line.contains("(NEEDED)"), let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]") else { return nil }
            return String(line[line.index(after: open)..<close])
        }
        let resolved = try ScriptRunner.runProgram("/usr/bin/env", ["ldd", binary])
        var paths: [String: String] = [:]
        for line in resolved.split(separator: "\n") {
            let parts = line.split(whereSeparator: \.isWhitespace)
            if parts.count >= 3, parts[1] == "=>" { paths[String(parts[0])] = String(parts[2]) }
            if parts.first.map({ $0.hasPrefix("/") }) == true, let name = parts.first?.split(separator: "/").last {
                paths[String(name)] = String(parts[0])
            }
        }
        var libraries: [String: String] = [:]
        for soname in needed {
            guard let path = paths[soname], path != "not" else { throw TopologyError("\(binary): ldd does not find \(soname)") }
            libraries[soname] = path
        }
        return libraries
    }

    /// The Debian package that installed `path` (as `ldd` printed it, or the file it links to).
    static func package(owning path: String, soname: String) throws -> String {
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        for candidate in [path, real, real.replacingOccurrences(of: "/usr/lib/", with: "/lib/")] {
            if let owner = try? ScriptRunner.runProgram("/usr/bin/env", ["dpkg-query", "--search", candidate]),
                let package = owner.split(separator: ":").first
            {
                return String(package)
            }
        }
        throw TopologyError("no Debian package owns \(soname) (\(path))")
    }
}
