import ArgumentParser
import BenchmarkSupport
import Foundation
import PlutusWire
import VectorStore

/// `plutus-bench-vector`: the embedded vector store under the issue's workload. Random unit vectors
/// (dimension 384 by default) spread over 1,000 `user_id` values are ingested in batches; then top-10
/// queries with and without a `user_id` filter are timed (one at a time, then from 8 concurrent
/// clients), recall@10 of the graph is measured against an exact scan of the same items, and the
/// process's resident memory is read. The floor is the exact scan itself, in the same run.
@main
struct VectorBenchmarks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plutus-bench-vector", abstract: "Ingest, query latency, throughput and recall of plutus-vector's store.")

    @Option(help: "Items to ingest.") var items = 100_000
    @Option(help: "Their dimension.") var dimension = 384
    @Option(help: "Distinct user_id values.") var users = 1_000
    @Option(help: "Items per upsert.") var batch = 1_000
    @Option(help: "Timed queries per measurement.") var queries = 1_000
    @Option(help: "Live items from which a collection is searched through its HNSW graph (default: the store's).")
    var hnswThreshold: Int?
    @Option(help: "HNSW links per node.") var m = 16
    @Option(help: "HNSW candidates when linking.") var efConstruction = 100
    @Option(help: "HNSW candidates per query.") var efSearch = 64

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plutus-bench-vector-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let settings = VectorStore.IndexSettings(
            hnswThreshold: hnswThreshold, m: m, efConstruction: efConstruction, efSearch: efSearch)
        let store = try VectorStore(configuration: .init(directory: directory, sync: "always", index: settings))
        var source = RandomUnitVectors(seed: 42, dimension: dimension)
        print("plutus-vector store: \(items) items × \(dimension) dimensions, \(users) users, HNSW from \(settings.threshold(dimension: dimension)) items (M=\(m) efConstruction=\(efConstruction) efSearch=\(efSearch)), fsync per batch")

        let ingestStart = ContinuousClock.now
        for start in stride(from: 0, to: items, by: batch) {
            let batchItems = (start..<min(items, start + batch)).map { index in
                VectorItem(id: "item-\(index)", vector: source.next(), metadataJSON: #"{"user_id": "u\#(index % users)"}"#)
            }
            _ = try await store.upsert(UpsertRequest(tenant: "bench", collection: "memory", items: batchItems))
        }
        let ingest = ContinuousClock.now - ingestStart
        print("ingest: \(formatted(Double(items) / ingest.seconds, 0)) items/s (\(formatted(ingest.seconds, 1)) s)")

        let queryVectors = (0..<queries).map { _ in source.next() }
        let (queryCount, userCount) = (queries, users)
        @Sendable func request(_ index: Int, filtered: Bool) -> QueryRequest {
            QueryRequest(
                tenant: "bench", collection: "memory", vector: queryVectors[index % queryCount], topK: 10,
                whereJSON: filtered ? #"{"user_id": "u\#(index % userCount)"}"# : "")
        }
        for filtered in [true, false] {
            let samples = try await LatencySamples.measure(callers: 1, calls: queries) { index in
                _ = try await store.query(request(index, filtered: filtered))
            }
            let label = filtered ? "top-10, filtered to one user" : "top-10, unfiltered"
            print("\(label): p50 \(formatted(samples.percentile(0.5).milliseconds, 3)) ms, p99 \(formatted(samples.percentile(0.99).milliseconds, 3)) ms")
            let start = ContinuousClock.now
            _ = try await LatencySamples.measure(callers: 8, calls: queries) { index in
                _ = try await store.query(request(index, filtered: filtered))
            }
            print("  8 concurrent clients: \(formatted(Double(queries) / (ContinuousClock.now - start).seconds, 0)) queries/s")
        }

        print("resident memory: \(formatted(Double(Self.residentBytes()) / 1_048_576, 0)) MiB (the process, with the store)")

        let exact = try VectorStore(
            configuration: .init(directory: directory.appendingPathComponent("exact"), sync: "never", index: .init(hnswThreshold: .max)))
        var replay = RandomUnitVectors(seed: 42, dimension: dimension)
        for start in stride(from: 0, to: items, by: batch) {
            let batchItems = (start..<min(items, start + batch)).map { index in
                VectorItem(id: "item-\(index)", vector: replay.next(), metadataJSON: #"{"user_id": "u\#(index % users)"}"#)
            }
            _ = try await exact.upsert(UpsertRequest(tenant: "bench", collection: "memory", items: batchItems))
        }
        var found = 0
        let recallQueries = min(queries, 200)
        var scan = LatencySamples()
        for index in 0..<recallQueries {
            let start = ContinuousClock.now
            let truth = Set(try await exact.query(request(index, filtered: false)).map(\.id))
            scan.record(ContinuousClock.now - start)
            found += try await store.query(request(index, filtered: false)).filter { truth.contains($0.id) }.count
        }
        print("recall@10 (store vs exact scan): \(formatted(Double(found) / Double(recallQueries * 10), 3))")
        print("floor, the exact scan of every item: p50 \(formatted(scan.percentile(0.5).milliseconds, 3)) ms")
    }

    /// VmRSS from /proc/self/status.
    static func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
    }
}

/// Reproducible random unit vectors.
struct RandomUnitVectors {
    private var state: UInt64
    let dimension: Int

    init(seed: UInt64, dimension: Int) {
        state = seed
        self.dimension = dimension
    }

    mutating func next() -> [Float] {
        let raw = (0..<dimension).map { _ -> Float in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: state >> 11) % 2_000_001 - 1_000_000) / 1_000_000
        }
        let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return raw.map { $0 / norm }
    }
}
