import Coach
public import CoachGraph
import ContextEngine
import Foundation
public import Hummingbird
import PlutusCluster
import PlutusWire
import RPCCore
import RPCTransport

/// The person's financial context, insights and recommendations, through the context engine and
/// the recommendation agent: `GET /context/current`, `GET /context/history`,
/// `POST /context/refresh`, `GET /insights`, `GET /recommendations`.
public struct ContextAPI: Sendable {
    let services: CoachServices
    /// One call's limit: the context engine answers in milliseconds; an agent may ask a model.
    let contextTimeout: Duration = .seconds(5)
    let agentTimeout: Duration = .seconds(30)
    /// The JSON of the contexts answered last, reused while they stay the same.
    let rendered: RenderedContexts

    /// - Parameter renderedContexts: how many users' context JSON to keep for answering again.
    public init(services: CoachServices, renderedContexts: Int = 1_024) {
        self.services = services
        self.rendered = RenderedContexts(capacity: renderedContexts)
    }

    /// Adds the routes under `group` (`/api/v1/plutus`, behind the bearer check).
    public func register(on group: RouterGroup<GatewayRequestContext>) {
        group.get("context/current") { _, context in
            let body = try rendered.body(of: try await current(context)) { ByteBuffer(bytes: try JSONResponse.encode(ContextJSON($0))) }
            return JSONResponse.make(.ok, body: body)
        }
        group.get("context/history") { request, context in try await history(request, context) }
        group.post("context/refresh") { _, context in try await refresh(context) }
        group.get("insights") { request, context in try await insights(request, context) }
        group.get("recommendations") { _, context in try await recommendations(context) }
    }

    func current(_ context: GatewayRequestContext) async throws -> UserContext {
        let userID = try context.requireUser()
        return try await calling {
            try await services.context.unary(
                ContextEngineRPC.getContext, GetContextRequest(userID: userID), as: UserContext.self,
                deadline: RPCDeadline(after: contextTimeout))
        }
    }

    func history(_ request: Request, _ context: GatewayRequestContext) async throws -> Response {
        let userID = try context.requireUser()
        let limit = try Query.limit(request, default: 50, maximum: 200)
        let history = try await calling {
            try await services.context.unary(
                ContextEngineRPC.contextHistory, ContextHistoryRequest(userID: userID, limit: Int32(limit)),
                as: ContextHistory.self, deadline: RPCDeadline(after: contextTimeout))
        }
        return try JSONResponse.make(.ok, ContextHistoryJSON(history))
    }

    func refresh(_ context: GatewayRequestContext) async throws -> Response {
        let userID = try context.requireUser()
        let version = try await calling {
            try await services.context.unary(
                ContextEngineRPC.refreshContext, RefreshContextRequest(userID: userID, reason: "api"),
                as: ContextVersion.self, deadline: RPCDeadline(after: contextTimeout))
        }
        return try JSONResponse.make(.ok, ContextVersionJSON(version: version.version))
    }

    /// The context's insights, the most confident first; `type` keeps one kind, `limit` (1–100,
    /// 20) the first few.
    func insights(_ request: Request, _ context: GatewayRequestContext) async throws -> Response {
        let limit = try Query.limit(request, default: 20, maximum: 100)
        let type = request.uri.queryParameters.get("type").flatMap { $0.isEmpty ? nil : $0 }
        let insights = try await current(context).insights.filter { type == nil || $0.type == type }
        return try JSONResponse.make(.ok, InsightsJSON(insights: insights.prefix(limit).map(InsightJSON.init)))
    }

    /// What the recommendation agent ranks for the person now, from their current context.
    func recommendations(_ context: GatewayRequestContext) async throws -> Response {
        let userContext = try await current(context)
        let request = AgentRequest(
            userID: userContext.userID, message: "What should I do next with my money?", context: userContext,
            route: .getAdvice, today: CoachTurnRunner.utcToday())
        let result = try await calling {
            try await services.recommendationAgent.unary(
                ServiceKind.recommendationAgent.agentRunMethod, request, as: AgentResult.self,
                deadline: RPCDeadline(after: agentTimeout))
        }
        return try JSONResponse.make(
            .ok,
            RecommendationsJSON(
                recommendations: result.recommendations.map(RecommendationJSON.init), disclaimer: ComplianceReview.disclaimer))
    }

    /// Runs an RPC, its failure as the problem a client can act on.
    private func calling<Value>(_ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch let error as RPCError {
            switch error.code {
            case .notFound: throw Problem.notFound("no such user")
            case .unavailable, .deadlineExceeded, .resourceExhausted, .cancelled:
                throw Problem(.serviceUnavailable, "unavailable", "a service is unavailable; try again", headers: [.retryAfter: "1"])
            default: throw Problem(.internalServerError, "internal", "the server could not answer this request")
            }
        }
    }
}
