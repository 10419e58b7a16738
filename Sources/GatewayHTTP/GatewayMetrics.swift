import CoachGraph
import Foundation
import Hummingbird
import Metrics
public import Prometheus
import RPCCore
public import RPCTransport
import PlutusWire
import StateGraph

/// What the gateway measures, in Prometheus text at `GET /metrics`: HTTP requests by route,
/// method and status (Hummingbird's `MetricsMiddleware`), every RPC by service, method and status
/// (``MeasuredCaller``), graph nodes' latency, and the model calls and tokens of each turn
/// (calls answered from the agents' cache have outcome `cached`: the cache's hit ratio).
public enum GatewayMetrics {
    /// Makes swift-metrics record into a new registry, once per process; the registry `/metrics`
    /// renders.
    public static func bootstrap() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }

    /// `GET /metrics`.
    static func render(_ registry: PrometheusCollectorRegistry) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
    }

    /// Records a graph event: each node's latency by node.
    static func record(_ event: GraphEvent) {
        guard case .nodeFinished(let node, _, let duration) = event else { return }
        Timer(label: "plutus_graph_node_duration_seconds", dimensions: [("node", node)]).record(duration: duration)
    }

    /// Records a turn's model calls: how many by provider, model, purpose and outcome, and their tokens.
    static func record(_ calls: [ModelCall]) {
        for call in calls {
            Counter(
                label: "plutus_llm_calls_total",
                dimensions: [("provider", call.provider), ("model", call.model), ("purpose", call.purpose), ("outcome", call.outcome)]
            ).increment()
            let tokens: [(String, Int64)] = [
                ("input", call.inputTokens), ("output", call.outputTokens),
                ("cache_read", call.cacheReadInputTokens), ("cache_creation", call.cacheCreationInputTokens),
            ]
            for (kind, count) in tokens where count > 0 {
                Counter(label: "plutus_llm_tokens_total", dimensions: [("provider", call.provider), ("model", call.model), ("kind", kind)])
                    .increment(by: count)
            }
        }
    }
}

/// An ``RPCCaller`` that times every call it carries, by service, method and status code.
public struct MeasuredCaller: RPCCaller {
    let wrapped: any RPCCaller
    let service: String

    public init(_ wrapped: any RPCCaller, service: String) {
        self.wrapped = wrapped
        self.service = service
    }

    public func call(_ request: RPCRequest) async throws -> [UInt8] {
        let started = ContinuousClock.now
        do {
            let answer = try await wrapped.call(request)
            record(request, code: "OK", since: started)
            return answer
        } catch {
            record(request, code: (error as? RPCError).map { "\($0.code)" } ?? "UNKNOWN", since: started)
            throw error
        }
    }

    public func stream(_ request: RPCRequest) -> AsyncThrowingStream<[UInt8], any Error> {
        // A stream's time is its caller's to judge (it includes the reader's pace): counted only.
        Counter(label: "plutus_rpc_streams_total", dimensions: [("service", service), ("method", request.method.method)]).increment()
        return wrapped.stream(request)
    }

    private func record(_ request: RPCRequest, code: String, since started: ContinuousClock.Instant) {
        Timer(
            label: "plutus_rpc_duration_seconds",
            dimensions: [("service", service), ("method", request.method.method), ("code", code)]
        ).record(duration: ContinuousClock.now - started)
    }
}
