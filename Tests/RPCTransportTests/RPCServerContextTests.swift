import Logging
import RPCCore
import RPCTransport
import Testing

@Suite("What a handler knows: trace, logger, metadata for its own calls")
struct RPCServerContextTests {
    let method = RPCMethod(service: "plutus.v1.FinancialAgent", method: "Run")

    @Test func theLoggerCarriesTheCallsTraceIDAndMethod() throws {
        let trace = try #require(TraceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        var metadata = RPCMetadata()
        metadata.traceParent = trace
        let context = RPCServerContext(
            method: method, metadata: metadata, deadline: nil, logger: Logger(label: "plutus.tests.context"))
        #expect(context.logger[metadataKey: "trace_id"] == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(context.logger[metadataKey: "rpc.method"] == "plutus.v1.FinancialAgent/Run")
    }

    @Test func outgoingCallsContinueTheTraceAndKeepTheIdempotencyKey() throws {
        let trace = try #require(TraceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        var metadata: RPCMetadata = ["cluster-token": "secret-secret-secret", "x-other": "1"]
        metadata.traceParent = trace
        metadata.idempotencyKey = "turn-42"
        let context = RPCServerContext(method: method, metadata: metadata, deadline: nil, logger: Logger(label: "t"))
        let outgoing = context.outgoingMetadata()
        #expect(outgoing.traceParent?.traceID == trace.traceID, "same trace")
        #expect(outgoing.traceParent?.parentID != trace.parentID, "this hop is the new parent")
        #expect(outgoing.idempotencyKey == "turn-42")
        #expect(outgoing[RPCMetadata.clusterTokenKey] == nil, "the token is the client's to add, never forwarded")
        #expect(outgoing["x-other"] == nil)
    }

    @Test func aCallWithoutATraceStartsOne() {
        let context = RPCServerContext(method: method, metadata: [:], deadline: nil, logger: Logger(label: "t"))
        #expect(context.logger[metadataKey: "trace_id"] == nil)
        #expect(context.outgoingMetadata().traceParent != nil)
    }
}
