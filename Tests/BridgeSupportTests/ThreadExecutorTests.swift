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

    func block(for interval: TimeInterval) {
        Thread.sleep(forTimeInterval: interval)
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

    @Test func blockingOnTheThreadLeavesOtherTasksRunning() async {
        let pinned = PinnedActor()
        let started = ContinuousClock.now
        async let blocked: Void = pinned.block(for: 1)
        var ticks = 0
        while ContinuousClock.now - started < .milliseconds(500) {
            try? await Task.sleep(for: .milliseconds(10))
            ticks += 1
        }
        await blocked
        #expect(ticks > 10)
    }
}
