public import PlutusCluster
import PlutusWire
public import RPCCore
public import RPCTransport

/// What an agent answers until the coach is built: the request's route, and a reply that says
/// plainly it is a placeholder. It never invents a figure.
public enum PlaceholderAgent {
    /// `plutus.v1.<Agent>/Run`: one turn in, the agent's result out.
    public static func runMethod(of kind: ServiceKind) -> RPCMethod {
        RPCMethod(service: kind.rpcService, method: "Run")
    }

    /// Registers `Run` for the agent `kind`.
    public static func register(_ kind: ServiceKind, in router: inout RPCRouter) {
        router.register(runMethod(of: kind)) { (request: AgentRequest, context) in
            context.logger.debug("placeholder answer", metadata: ["conversation_id": "\(request.conversationID)"])
            var result = AgentResult()
            result.route = request.route
            result.reply = "This is a placeholder answer from the \(kind.rawValue); the coach is not built yet."
            result.degraded = true
            result.model = "placeholder"
            return result
        }
    }
}
