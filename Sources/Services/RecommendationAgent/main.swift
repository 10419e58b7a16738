import ArgumentParser
import PlutusService

/// `plutus-recommendation-agent`: Ranks quantified recommendations, with a disclaimer.
@main
struct RecommendationAgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plutus-recommendation-agent", abstract: "Ranks quantified recommendations, with a disclaimer.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        try await AgentProcess.run(.recommendationAgent, options: options)
    }
}
