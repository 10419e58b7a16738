import ArgumentParser
import Coach
import PlutusCluster
import PlutusService

@main
struct GoalAgentCommand: AgentCommand {
    static let kind = ServiceKind.goalAgent

    @OptionGroup var options: ServiceOptions
}
