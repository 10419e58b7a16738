import ArgumentParser
import PlutusService

/// `plutus-financial-agent`: Runs the finance engine on a user's context and explains the figures.
@main
struct FinancialAgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plutus-financial-agent", abstract: "Runs the finance engine on a user's context and explains the figures.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        try await AgentProcess.run(.financialAgent, options: options)
    }
}
