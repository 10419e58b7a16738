public import Foundation

/// Paths inside this checkout, for tests that run the project's own scripts and servers.
public enum Repository {
    /// The checkout's top-level folder (the one holding `Package.swift`).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// The folder of the build products the tests run from (`.build/<triple>/debug`), which holds
    /// the executables `swift build --build-tests` built alongside them.
    public static let productsDirectory: String = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().path

    /// The path of one of the package's executables, such as `plutus`.
    public static func product(_ name: String) -> String { "\(productsDirectory)/\(name)" }

    /// A path relative to the checkout's top-level folder.
    public static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }
}
