import ArgumentParser

// PLACEHOLDER: replaced by the real benchmark before this lands.
struct PostgresBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "postgres")
    func run() async throws { throw ValidationError("not written yet") }
}
