import Foundation
import Logging
import PlutusTestSupport
import PlutusWire
import ProcessSupport
import RPCCore
import RPCTransport
import Testing
import VectorStore

/// `plutus-vector` killed with SIGKILL in the middle of an ingest, then started again on the same folder.
@Suite struct CrashRecoveryTests {
    static let logger = Logger(label: "plutus.tests.vector-crash")

    struct Service {
        let process: ChildProcess
        let client: RPCClient
    }

    func start(_ directory: String, socket: String) async throws -> Service {
        var environment = ProcessInfo.processInfo.environment
        environment["PLUTUS_VECTOR_DIR"] = directory
        environment["PLUTUS_VECTOR_SYNC"] = "always"
        let process = try ChildProcess.spawn(
            Repository.product("plutus-vector"), ["--listen", "unix://\(socket)", "--instance", "vector-crash"],
            environment: environment, standardOutput: .appendingTo(path: "\(directory).log"),
            standardError: .appendingTo(path: "\(directory).log"))
        let client = RPCClient(service: "vector", target: try RPCTarget(parsing: "unix://\(socket)"), logger: Self.logger)
        let serving = try await eventually(timeout: .seconds(60)) {
            let answer = try? await client.unary(
                HealthService.check, HealthCheckRequest(), as: HealthCheckResponse.self, deadline: .init(after: .seconds(1)))
            return answer?.status == .serving
        }
        guard serving else {
            process.forceKill()
            let log = (try? String(contentsOfFile: "\(directory).log", encoding: .utf8)) ?? ""
            throw NeverServed(log: log)
        }
        return Service(process: process, client: client)
    }

    @Test(.timeLimit(.minutes(2))) func everyAcknowledgedBatchIsThereAfterAKillAndNoBatchIsHalfThere() async throws {
        let directory = "/tmp/plutus-vector-crash-\(UUID().uuidString.prefix(8))"
        let socket = "\(directory).sock"
        defer {
            try? FileManager.default.removeItem(atPath: directory)
            try? FileManager.default.removeItem(atPath: "\(directory).log")
        }
        let first = try await start(directory, socket: socket)
        let batches = 10_000
        let acknowledged = Acknowledged()
        let ingest = Task {
            var source = VectorSource(seed: 5)
            for batch in 0..<batches {
                let items = (0..<20).map { item("b\(batch)-\($0)", source.next(32), #"{"batch": \#(batch)}"#) }
                _ = try await first.client.unary(
                    VectorStoreRPC.upsert, UpsertRequest(tenant: "t", collection: "items", items: items), as: UpsertResponse.self,
                    deadline: .init(after: .seconds(5)))
                await acknowledged.add(batch)
            }
        }
        _ = try await eventually(timeout: .seconds(60)) { await acknowledged.count >= 200 }
        first.process.forceKill()
        _ = await first.process.termination()
        _ = await ingest.result
        await first.client.close()
        let acked = await acknowledged.batches
        #expect(acked.count >= 200 && acked.count < batches, "killed mid-ingest")

        let second = try await start(directory, socket: socket)
        defer { second.process.forceKill() }
        let stored = try await second.client.unary(
            VectorStoreRPC.get, GetRequest(tenant: "t", collection: "items"), as: GetResponse.self,
            deadline: .init(after: .seconds(10)))
        var itemsPerBatch: [Int: Int] = [:]
        for item in stored.items {
            let batch = Int(item.id.dropFirst().prefix { $0 != "-" }) ?? -1
            itemsPerBatch[batch, default: 0] += 1
        }
        for batch in acked { #expect(itemsPerBatch[batch] == 20, "acknowledged batch \(batch) after the kill") }
        #expect(itemsPerBatch.values.allSatisfy { $0 == 20 }, "a batch is whole or absent")
        #expect(itemsPerBatch.count <= acked.count + 1, "at most the batch in flight lands unacknowledged")
        await second.client.close()
    }
}

struct NeverServed: Error, CustomStringConvertible {
    let log: String
    var description: String { "plutus-vector never served:\n\(log)" }
}

actor Acknowledged {
    private(set) var batches: [Int] = []
    var count: Int { batches.count }
    func add(_ batch: Int) { batches.append(batch) }
}

/// `plutus-vector` as operators start it: the backend chosen by flags, bad choices refused at start.
@Suite struct VectorServiceTests {
    func run(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> (ChildProcess.Termination, String) {
        let log = "/tmp/plutus-vector-args-\(UUID().uuidString.prefix(8)).log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        var environment = ProcessInfo.processInfo.environment
        environment["PLUTUS_VECTOR_BACKEND"] = nil
        environment["PLUTUS_CHROMA_URL"] = nil
        environment.merge(extra) { _, new in new }
        let process = try ChildProcess.spawn(
            Repository.product("plutus-vector"), ["--listen", "unix:///tmp/plutus-vector-args.sock"] + arguments,
            environment: environment, standardOutput: .appendingTo(path: log), standardError: .appendingTo(path: log))
        let termination = await process.termination()
        return (termination, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }

    @Test func anUnknownBackendOrAChromaWithoutURLIsRefusedAtStart() async throws {
        let (unknown, unknownLog) = try await run(["--backend", "pinecone"])
        #expect(unknown != .exited(0) && unknownLog.contains("--backend must be embedded or chroma"))
        let (missing, missingLog) = try await run(["--backend", "chroma"])
        #expect(missing != .exited(0) && missingLog.contains("needs --chroma-url"))
        let (bad, badLog) = try await run(["--backend", "chroma", "--chroma-url", "ftp://chroma"])
        #expect(bad != .exited(0) && badLog.contains("http(s)://host"))
        let (sync, syncLog) = try await run(["--sync", "sometimes"], environment: ["PLUTUS_VECTOR_DIR": "/tmp/plutus-vector-args"])
        #expect(sync != .exited(0) && syncLog.contains("sync must be always or never"))
    }

    @Test(.enabled(if: Backends.chromaURL != nil, "ChromaDB is not running: the service is not tried against it"))
    func theServiceForwardsToChromaOverRealSockets() async throws {
        let socket = "/tmp/plutus-vector-chroma-\(UUID().uuidString.prefix(8)).sock"
        let log = "\(socket).log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        var environment = ProcessInfo.processInfo.environment
        environment["PLUTUS_VECTOR_BACKEND"] = "chroma"
        environment["PLUTUS_CHROMA_URL"] = Backends.chromaURL
        let process = try ChildProcess.spawn(
            Repository.product("plutus-vector"), ["--listen", "unix://\(socket)", "--instance", "vector-chroma"],
            environment: environment, standardOutput: .appendingTo(path: log), standardError: .appendingTo(path: log))
        defer { process.forceKill() }
        let client = RPCClient(service: "vector", target: try RPCTarget(parsing: "unix://\(socket)"), logger: CrashRecoveryTests.logger)
        _ = try await eventually(timeout: .seconds(60)) {
            (try? await client.unary(HealthService.check, HealthCheckRequest(), as: HealthCheckResponse.self))?.status == .serving
        }
        let tenant = "tenant-\(UUID().uuidString.lowercased())"
        let upserted = try await client.unary(
            VectorStoreRPC.upsert,
            UpsertRequest(tenant: tenant, collection: "memory", items: [VectorItem(id: "m1", document: "emergency fund started")]),
            as: UpsertResponse.self)
        #expect(upserted.upserted == 1)
        let hits = try await client.unary(
            VectorStoreRPC.query, QueryRequest(tenant: tenant, collection: "memory", text: "emergency fund", topK: 3), as: QueryResponse.self)
        #expect(hits.hits.map(\.id) == ["m1"])
        await #expect(throws: RPCError.self) {
            try await client.unary(
                VectorStoreRPC.query, QueryRequest(tenant: tenant, collection: "memory", vector: [1, 2]), as: QueryResponse.self)
        }
        await client.close()
    }
}
