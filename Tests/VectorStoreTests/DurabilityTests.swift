import Foundation
import PlutusWire
import Testing
@testable import VectorStore

@Suite("Vector store durability")
struct DurabilityTests {
    func reopen(_ directory: URL) throws -> VectorStore {
        try VectorStore(configuration: .init(directory: directory, sync: "always"))
    }

    func fill(_ store: VectorStore, from: Int, to: Int) async throws {
        var source = VectorSource(seed: UInt64(from))
        for index in from..<to {
            _ = try await store.upsert(
                UpsertRequest(tenant: "t", collection: "items", items: [item("i\(index)", source.next(4), #"{"n": \#(index)}"#)]))
        }
    }

    @Test func everyAcknowledgedWriteIsThereAfterReopening() async throws {
        try await withStore(sync: "always") { store, directory in
            try await fill(store, from: 0, to: 50)
            _ = try await store.delete(DeleteRequest(tenant: "t", collection: "items", whereJSON: #"{"n": {"$gte": 40}}"#))
            _ = try await store.upsert(UpsertRequest(tenant: "u", collection: "other", items: [item("x", [1, 2])]))
            _ = try await store.deleteCollection(tenant: "u", name: "other")
            let before = try await store.get(GetRequest(tenant: "t", collection: "items", includeVectors: true))
            let reopened = try reopen(directory)
            #expect(try await reopened.get(GetRequest(tenant: "t", collection: "items", includeVectors: true)) == before)
            #expect(before.count == 40)
            #expect(try await reopened.collections(of: "u").isEmpty)
        }
    }

    @Test func aTornLastWriteIsDroppedWholeAndTheLogCutBack() async throws {
        try await withStore(sync: "always") { store, directory in
            try await fill(store, from: 0, to: 10)
            let wal = directory.appendingPathComponent("wal.log")
            let intact = try Data(contentsOf: wal)
            // Half of another record, as a kill in the middle of a write leaves it.
            let next = try VectorLog.frame(
                VectorLogRecord(kind: .upsert, collection: VectorCollection(tenant: "t", name: "items", dimension: 4),
                                items: [item("torn", [1, 2, 3, 4])]))
            try (intact + Data(next.prefix(next.count / 2))).write(to: wal)
            let reopened = try reopen(directory)
            #expect(try await reopened.count(tenant: "t", collection: "items") == 10)
            #expect(try await reopened.get(GetRequest(tenant: "t", collection: "items", ids: ["torn"])).isEmpty)
            #expect(try Data(contentsOf: wal) == intact, "the torn bytes are cut off")
            try await fill(reopened, from: 10, to: 12)
            #expect(try await (try reopen(directory)).count(tenant: "t", collection: "items") == 12, "writes after it land")
        }
    }

    @Test func aRecordFailingItsChecksumEndsTheReplay() async throws {
        try await withStore(sync: "always") { store, directory in
            try await fill(store, from: 0, to: 5)
            let wal = directory.appendingPathComponent("wal.log")
            var bytes = [UInt8](try Data(contentsOf: wal))
            bytes[bytes.count - 3] ^= 0xFF  // a flipped byte inside the last record's payload
            try Data(bytes).write(to: wal)
            #expect(try await (try reopen(directory)).count(tenant: "t", collection: "items") == 4)
        }
    }

    @Test func compactionKeepsEverythingAndEmptiesTheLog() async throws {
        try await withStore(sync: "always", compactAfterBytes: 2_000) { store, directory in
            try await fill(store, from: 0, to: 100)
            _ = try await store.delete(DeleteRequest(tenant: "t", collection: "items", ids: ["i3", "i99"]))
            let before = try await store.get(GetRequest(tenant: "t", collection: "items", includeVectors: true))
            let wal = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("wal.log").path)
            #expect((wal[.size] as? Int ?? .max) < 2_500, "compacted along the way")
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("snapshot.log").path))
            let reopened = try reopen(directory)
            #expect(Set(try await reopened.get(GetRequest(tenant: "t", collection: "items", includeVectors: true))) == Set(before))
            #expect(before.count == 98)
        }
    }

    /// Writes take turns from their checks to their apply, so concurrent writers never act on a state another
    /// write is about to change: of batches of two sizes racing to make one collection, those of the first
    /// size land whole and the others are refused, none acknowledged and lost.
    @Test func concurrentWritesAreCheckedAgainstTheStateTheyLandOn() async throws {
        try await withStore(sync: "always") { store, directory in
            let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
                for index in 0..<40 {
                    group.addTask {
                        let dimension = index.isMultiple(of: 2) ? 3 : 4
                        let landed = try? await store.upsert(
                            UpsertRequest(
                                tenant: "t", collection: "items",
                                items: [item("i\(index)", [Float](repeating: Float(index + 1), count: dimension))]))
                        return (dimension, landed == 1)
                    }
                }
                return await group.reduce(into: [(Int, Bool)]()) { $0.append($1) }
            }
            let info = try #require(try await store.collections(of: "t").first)
            let accepted = outcomes.filter(\.1)
            #expect(accepted.allSatisfy { $0.0 == Int(info.dimension) } && accepted.count == 20)
            #expect(try await store.count(tenant: "t", collection: "items") == 20)
            #expect(try await (try reopen(directory)).count(tenant: "t", collection: "items") == 20)
        }
    }

    @Test func anUnknownSyncPolicyIsRefused() {
        #expect(throws: VectorStoreError.self) {
            try VectorStore(configuration: .init(directory: FileManager.default.temporaryDirectory, sync: "sometimes"))
        }
    }
}
