import ArgumentParser
import Coach
import PlutusCluster
import PlutusService

@main
struct FinancialAgentCommand: AgentCommand {
    static let kind = ServiceKind.financialAgent

    @OptionGroup var options: ServiceOptions
}
