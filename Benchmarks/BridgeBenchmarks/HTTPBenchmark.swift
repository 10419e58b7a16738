import ArgumentParser

// PLACEHOLDER: replaced by the real benchmark before this lands.
struct HTTPBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "http")
    func run() async throws { throw ValidationError("not written yet") }
}
