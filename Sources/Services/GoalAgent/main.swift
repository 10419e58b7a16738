import ArgumentParser
import PlutusService

/// `plutus-goal-agent`: Extracts goals from a conversation and asks for what is missing.
@main
struct GoalAgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plutus-goal-agent", abstract: "Extracts goals from a conversation and asks for what is missing.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        try await AgentProcess.run(.goalAgent, options: options)
    }
}
