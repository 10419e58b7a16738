import Foundation

/// Runs one of the checkout's own scripts (for example `deploy/local/postgres.sh`) and returns its output.
public enum ScriptRunner {
    public struct Failure: Error, CustomStringConvertible {
        public let command: [String]
        public let status: Int32
        public let output: String
        public var description: String { "\(command.joined(separator: " ")) exited \(status): \(output)" }
    }

    /// Runs `script` (a path relative to the checkout) with `arguments`; throws when it exits non-zero.
    @discardableResult
    public static func run(_ script: String, _ arguments: [String] = [], environment: [String: String] = [:])
        throws -> String
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", Repository.path(script)] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.currentDirectoryURL = Repository.root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(command: [script] + arguments, status: process.terminationStatus, output: output)
        }
        return output
    }
}
