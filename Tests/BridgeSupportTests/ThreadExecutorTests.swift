import BridgeSupport
import Foundation
import Testing

/// An actor that runs on a thread of its own, as the C bridges' connections do.
private actor PinnedActor {
    private let executor = ThreadExecutor(name: "pinned-test")
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    private var calls = 0

    deinit { executor.shutdown() }

    /// The calling thread's name and a count, so a test can see where and how often it ran.
    func record() -> (thread: String, calls: Int) {
        calls += 1
        return (Thread.current.name ?? "", calls)
    }

    /// Blocks this actor's thread until `semaphore` is signalled; `false` if `seconds` pass first.
    func wait(for semaphore: DispatchSemaphore, upTo seconds: Double) -> Bool {
        semaphore.wait(timeout: .now() + seconds) == .success
    }
}

@Suite("ThreadExecutor")
struct ThreadExecutorTests {
    @Test func everyCallRunsOnTheDedicatedThreadInOrder() async {
        let pinned = PinnedActor()
        var counts: [Int] = []
        for _ in 0..<100 {
            let (thread, calls) = await pinned.record()
            #expect(thread == "pinned-test")
            counts.append(calls)
        }
        #expect(counts == Array(1...100))
    }

    @Test func concurrentCallersAreSerialized() async {
        let pinned = PinnedActor()
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<200 { group.addTask { await pinned.record().calls } }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts.sorted() == Array(1...200))
    }

    /// More actors block at once than the cooperative pool has threads; each waits for a signal
    /// that only a task on the cooperative pool can send. Were the blocking done on the pool, the
    /// signal could never be sent and every wait would time out.
    @Test func blockingOnTheThreadLeavesTheCooperativePoolFree() async {
        let blockers = ProcessInfo.processInfo.activeProcessorCount + 2
        let release = DispatchSemaphore(value: 0)
        let pinned = (0..<blockers).map { _ in PinnedActor() }
        async let outcomes = withTaskGroup(of: Bool.self) { group in
            for actor in pinned {
                group.addTask { await actor.wait(for: release, upTo: 10) }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        try? await Task.sleep(for: .milliseconds(200))
        for _ in 0..<blockers { release.signal() }
        #expect(await outcomes == Array(repeating: true, count: blockers))
    }
}
