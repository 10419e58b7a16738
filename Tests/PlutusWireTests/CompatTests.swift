import Foundation
import PlutusWire
import PlutusTestSupport
import Testing

/// Google's protobuf (Python) and PlutusWire agree on the bytes, both ways.
///
/// Swift encodes every fixture; `Protos/compat/compat.py` decodes each with Python's protobuf
/// and must re-encode the same bytes; Swift decodes those again. Python also builds a few
/// messages of its own, whose values are repeated here. Needs `protoc` (protobuf-compiler)
/// and python3-protobuf; skipped without them.
@Suite(
    "Python protobuf compatibility",
    .enabled(if: CompatEnvironment.python != nil, "needs protoc and python3-protobuf")
)
struct CompatTests {

    @Test("Swift → Python → Swift, and Python-built messages in Swift")
    func bothWays() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plutus-compat-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        for message in Fixtures.all {
            let url = directory.appendingPathComponent("\(type(of: message).fullName).swift.bin")
            try Data(message.serializedBytes()).write(to: url)
        }
        let script = CompatEnvironment.checkout.appendingPathComponent("Protos/compat/compat.py").path
        let output = try CompatEnvironment.run(try #require(CompatEnvironment.python), [script, directory.path])
        print(output, terminator: "")

        for message in Fixtures.all {
            let url = directory.appendingPathComponent("\(type(of: message).fullName).python.bin")
            try expectDecodesEqual(message, from: url)
        }
        try checkPythonBuilt(directory.appendingPathComponent("python-built"))
    }

    private func checkPythonBuilt(_ directory: URL) throws {
        func bytes(_ name: String) throws -> [UInt8] {
            try [UInt8](Data(contentsOf: directory.appendingPathComponent("\(name).bin")))
        }
        #expect(try HealthCheckRequest(serializedBytes: bytes("health")) == HealthCheckRequest(service: "x"))
        let frame = Frame(
            streamID: 7, kind: .end, method: "plutus.v1.Health/Check", deadlineUnixMs: -5,
            metadata: ["traceparent": "00-abc", "k": "v"], status: Status(code: 5, message: "not found ✗"),
            payload: (0...255).map { UInt8($0) })
        #expect(try Frame(serializedBytes: bytes("frame")) == frame)
        let result = AgentResult(
            route: .getAdvice, reply: "Säve 10% 💶",
            facts: [Fact(name: "net_worth", value: "1,234.00", unit: "USD", source: "finance_engine")],
            goals: [
                Goal(
                    id: "g1", type: "emergency_fund", title: "Rainy day", targetAmountCents: 0,
                    targetDate: "2027-01-31", priority: 2),
                Goal(id: "g2"),
            ],
            degraded: true, model: "offline", missingFields: ["target_date", ""])
        #expect(try AgentResult(serializedBytes: bytes("result")) == result)
        #expect(try HealthCheckResponse(serializedBytes: bytes("unknown")).status == .unrecognized(9))
        let query = QueryRequest(tenant: "t", vector: [0.5, -2, 1e-3], topK: 3, whereJSON: "{}")
        #expect(try QueryRequest(serializedBytes: bytes("query")) == query)
        #expect(try query.serializedBytes() == bytes("query"))
    }

    private func expectDecodesEqual<Message: WireMessage>(_ message: Message, from url: URL) throws {
        let decoded = try Message(serializedBytes: [UInt8](Data(contentsOf: url)))
        #expect(decoded == message, "\(Message.fullName) after Python")
    }
}

enum CompatEnvironment {
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A Python 3 that has google.protobuf, when `protoc` is installed too.
    static let python: String? = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/protoc") else { return nil }
        let candidates = [ProcessInfo.processInfo.environment["PYTHON"], "/usr/bin/python3"].compactMap { $0 }
        return candidates.first { (try? run($0, ["-c", "import google.protobuf"])) != nil }
    }()

    /// Runs a program to completion; throws with its output when it fails.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        try ScriptRunner.runProgram(executable, arguments)
    }
}
