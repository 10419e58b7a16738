import Foundation
import PlutusWire
@testable import VectorStore

/// A store in a fresh temporary folder, removed afterwards.
func withStore<Result>(
    sync: String = "never", compactAfterBytes: UInt64 = 1 << 40,
    _ body: (VectorStore, URL) async throws -> Result
) async throws -> Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plutus-vector-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let store = try VectorStore(
        configuration: .init(directory: directory, sync: sync, compactAfterBytes: compactAfterBytes))
    return try await body(store, directory)
}

/// Reproducible vectors: a small linear congruential walk, so a failing case replays.
struct VectorSource {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ dimension: Int) -> [Float] {
        (0..<dimension).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: state >> 11) % 2_000_001 - 1_000_000) / 1_000_000
        }
    }
}

func item(_ id: String, _ vector: [Float], _ metadata: String = "", document: String = "") -> VectorItem {
    VectorItem(id: id, vector: vector, document: document, metadataJSON: metadata)
}
