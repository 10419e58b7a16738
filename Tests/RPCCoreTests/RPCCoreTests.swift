import RPCCore
import Testing

@Suite("RPC status codes and errors")
struct RPCStatusTests {
    @Test(arguments: [
        (Int32(0), "OK"), (1, "CANCELLED"), (3, "INVALID_ARGUMENT"), (4, "DEADLINE_EXCEEDED"), (5, "NOT_FOUND"),
        (8, "RESOURCE_EXHAUSTED"), (12, "UNIMPLEMENTED"), (13, "INTERNAL"), (14, "UNAVAILABLE"), (16, "UNAUTHENTICATED"),
    ])
    func codesUseGRPCNumbersAndNames(number: Int32, name: String) throws {
        let code = try #require(RPCStatus.Code(rawValue: number))
        #expect(code.description == name)
        #expect(code.rawValue == number)
    }

    @Test func undefinedWireCodesBecomeUnknownAndKeepTheNumber() {
        #expect(RPCStatus.Code(rawValue: 17) == nil)
        #expect(RPCStatus.Code(rawValue: -1) == nil)
        let status = RPCStatus(wireCode: 99, message: "odd")
        #expect(status.code == .unknown)
        #expect(status.message.contains("99"))
    }

    @Test func handlerErrorsMapToStatusesWithoutLeakingDetail() {
        struct DatabasePassword: Error { let secret = "hunter2" }
        #expect(RPCError.status(for: RPCError(code: .notFound, message: "no such user")) == RPCStatus(code: .notFound, message: "no such user"))
        #expect(RPCError.status(for: CancellationError()).code == .cancelled)
        let hidden = RPCError.status(for: DatabasePassword())
        #expect(hidden.code == .internal)
        #expect(!hidden.message.contains("hunter2"))
    }
}

@Suite("RPC method names")
struct RPCMethodTests {
    @Test func parsesFullNames() throws {
        let method = try #require(RPCMethod(fullName: "plutus.v1.ContextEngine/GetContext"))
        #expect(method.service == "plutus.v1.ContextEngine")
        #expect(method.method == "GetContext")
        #expect(method.fullName == "plutus.v1.ContextEngine/GetContext")
    }

    @Test(arguments: ["", "/", "NoSlash", "a/b/c", "svc/", "/Method", "plutus..v1/X", "plutus.v1.S/Get Context", "1bad/X", "ü.S/M"])
    func rejectsMalformedNames(_ name: String) {
        #expect(RPCMethod(fullName: name) == nil)
    }
}

@Suite("Deadlines")
struct RPCDeadlineTests {
    @Test func travelAsAbsoluteMilliseconds() {
        let deadline = RPCDeadline(after: .milliseconds(1500), now: 10_000)
        #expect(deadline.unixMilliseconds == 11_500)
        #expect(deadline.remaining(now: 11_000) == .milliseconds(500))
        #expect(deadline.remaining(now: 12_000) == .zero)
        #expect(deadline.hasPassed(now: 11_500))
        #expect(!deadline.hasPassed(now: 11_499))
    }

    @Test func zeroOnTheWireMeansNone() {
        #expect(RPCDeadline.fromWire(0) == nil)
        #expect(RPCDeadline.fromWire(-5) == nil)
        #expect(RPCDeadline.fromWire(42)?.unixMilliseconds == 42)
    }

    @Test func hugeTimeoutsSaturateInsteadOfOverflowing() {
        #expect(RPCDeadline(after: .seconds(Int64.max), now: 1_000).unixMilliseconds == .max)
    }

    @Test func theEarlierDeadlineWins() {
        let soon = RPCDeadline(unixMilliseconds: 100)
        let later = RPCDeadline(unixMilliseconds: 200)
        #expect(RPCDeadline.earliest(soon, later) == soon)
        #expect(RPCDeadline.earliest(nil, later) == later)
        #expect(RPCDeadline.earliest(nil, nil) == nil)
    }
}

@Suite("Trace context and metadata")
struct TraceParentTests {
    @Test func parsesAndPrintsTheW3CExample() throws {
        let header = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
        let trace = try #require(TraceParent(header))
        #expect(trace.traceID == "0af7651916cd43dd8448eb211c80319c")
        #expect(trace.parentID == "b7ad6b7169203331")
        #expect(trace.flags == 1)
        #expect(trace.description == header)
    }

    @Test(arguments: [
        "", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331", "00-00000000000000000000000000000000-b7ad6b7169203331-01",
        "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01", "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra",
        "00-xyz7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    ])
    func ignoresInvalidHeaders(_ header: String) {
        #expect(TraceParent(header) == nil)
    }

    @Test func childrenKeepTheTraceAndChangeTheSpan() throws {
        let root = TraceParent.newTrace()
        let child = root.child()
        #expect(child.traceID == root.traceID)
        #expect(child.parentID != root.parentID)
        #expect(TraceParent(child.description) == child)
    }

    @Test func newIDsAreHexOfTheGeneratorsWordsAndNeverAllZero() throws {
        /// Zero until it has been asked `zeros` times, then counts up from 0x0123456789abcdef.
        struct Scripted: RandomNumberGenerator {
            var zeros: Int
            var counter: UInt64 = 0x0123_4567_89ab_cdef
            mutating func next() -> UInt64 {
                if zeros > 0 { zeros -= 1; return 0 }
                defer { counter &+= 1 }
                return counter
            }
        }
        var generator = Scripted(zeros: 2)  // the first trace id drawn is all zero and is drawn again
        let trace = TraceParent.newTrace(using: &generator)
        #expect(trace.traceID == "0123456789abcdef0123456789abcdf0")
        #expect(trace.parentID == "0123456789abcdf1")
        #expect(trace.description == "00-0123456789abcdef0123456789abcdf0-0123456789abcdf1-01")
        #expect(TraceParent(trace.description) == trace)
        var zeroFirst = Scripted(zeros: 1)
        #expect(trace.child(using: &zeroFirst).parentID == "0123456789abcdef")
    }

    @Test func metadataKeysAreCaseInsensitive() {
        var metadata: RPCMetadata = ["Idempotency-Key": "abc"]
        #expect(metadata.idempotencyKey == "abc")
        let trace = TraceParent.newTrace()
        metadata.traceParent = trace
        #expect(metadata["TRACEPARENT"] == trace.description)
        #expect(metadata.dictionary.keys.sorted() == ["idempotency-key", "traceparent"])
    }
}
