import ArgumentParser
import Coach
import PlutusCluster
import PlutusService

@main
struct ConversationAgentCommand: AgentCommand {
    static let kind = ServiceKind.conversationAgent

    @OptionGroup var options: ServiceOptions
}
