import ArgumentParser
import Coach
import PlutusCluster
import PlutusService

@main
struct RecommendationAgentCommand: AgentCommand {
    static let kind = ServiceKind.recommendationAgent

    @OptionGroup var options: ServiceOptions
}
