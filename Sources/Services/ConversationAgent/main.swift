import ArgumentParser
import PlutusService

/// `plutus-conversation-agent`: Reads a turn, decides its route, and answers small talk.
@main
struct ConversationAgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plutus-conversation-agent", abstract: "Reads a turn, decides its route, and answers small talk.")

    @OptionGroup var options: ServiceOptions

    func run() async throws {
        try await AgentProcess.run(.conversationAgent, options: options)
    }
}
