import ArgumentParser

// PLACEHOLDER: replaced by the real benchmark before this lands.
struct RedisBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "redis")
    func run() async throws { throw ValidationError("not written yet") }
}
