import Postgres
import PlutusWire
public import RPCCore
public import RPCTransport

/// `plutus.v1.ContextEngine` over RPC: the four methods, and the statuses their errors become.
public enum ContextEngineRPC {
    public static let service = "plutus.v1.ContextEngine"
    public static let getContext = RPCMethod(service: service, method: "GetContext")
    public static let refreshContext = RPCMethod(service: service, method: "RefreshContext")
    public static let contextHistory = RPCMethod(service: service, method: "ContextHistory")
    public static let updateContext = RPCMethod(service: service, method: "UpdateContext")

    /// Registers the context engine's methods on `router`.
    public static func register(_ engine: ContextEngine, on router: inout RPCRouter) {
        router.registerEncoded(getContext, responding: UserContext.self) { (request: GetContextRequest, context) in
            try await answering {
                try await engine.encodedContext(
                    of: request.userID, minVersion: request.minVersion, topic: request.topic,
                    metadata: context.outgoingMetadata)
            }
        }
        router.register(refreshContext) { (request: RefreshContextRequest, _) -> ContextVersion in
            try await answering {
                let built = try await engine.refresh(
                    userID: request.userID, reason: request.reason.isEmpty ? "api" : request.reason)
                return ContextVersion(userID: built.userID, version: built.version)
            }
        }
        router.register(contextHistory) { (request: ContextHistoryRequest, _) -> ContextHistory in
            try await answering {
                let limit = request.limit > 0 ? Int(request.limit) : 50
                return ContextHistory(
                    userID: request.userID, versions: try await engine.history(userID: request.userID, limit: limit))
            }
        }
        router.register(updateContext) { (update: ContextUpdate, context) -> ContextVersion in
            try await answering {
                let built = try await engine.apply(update, metadata: context.outgoingMetadata())
                return ContextVersion(userID: built.userID, version: built.version)
            }
        }
    }

    /// Runs a handler body, turning the engine's and the database's errors into RPC statuses.
    private static func answering<Result>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as ContextEngineError {
            throw error.rpcError
        } catch let error as PostgresError where error.code == .connectionFailed || error.code == .connectionLost {
            throw RPCError(code: .unavailable, message: "the database is unavailable")
        } catch let error as PostgresError where error.sqlState?.hasPrefix("23") == true || error.sqlState == "22P02" {
            throw RPCError(code: .invalidArgument, message: error.message)
        }
    }
}
