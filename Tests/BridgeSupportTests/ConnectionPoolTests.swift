import BridgeSupport
import Synchronization
import Testing

/// A stand-in connection that counts itself: the pool's own logic, tested without a server.
private final class CountedConnection: PooledConnection {
    let id: Int
    let broken = Atomic<Bool>(false)
    let closed = Atomic<Bool>(false)

    init(id: Int) { self.id = id }

    var isReusable: Bool { !broken.load(ordering: .relaxed) && !closed.load(ordering: .relaxed) }
    func close() async { closed.store(true, ordering: .relaxed) }
}

private final class Factory: Sendable {
    let opened = Atomic<Int>(0)
    let failing = Atomic<Bool>(false)
    struct Refused: Error {}

    func make() async throws -> CountedConnection {
        if failing.load(ordering: .relaxed) { throw Refused() }
        return CountedConnection(id: opened.add(1, ordering: .relaxed).newValue)
    }
}

/// How many callers hold a connection at once, and the most there ever were.
private final class Gauge: Sendable {
    private let state = Mutex((current: 0, peak: 0))

    func enter() { state.withLock { $0.current += 1; $0.peak = max($0.peak, $0.current) } }
    func leave() { state.withLock { $0.current -= 1 } }
    var peak: Int { state.withLock { $0.peak } }
}

/// Holds a connection until the test opens it, so a busy pool stays busy however slow the machine.
private actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        guard !isOpen else { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        waiters.forEach { $0.resume() }
        waiters.removeAll()
    }
}

@Suite("ConnectionPool")
struct ConnectionPoolTests {
    /// Waits until the pool's numbers satisfy `condition`: the tests below set up a busy pool
    /// with tasks, and must not race them on a loaded machine.
    private func until(
        _ pool: ConnectionPool<CountedConnection>,
        _ condition: @escaping (ConnectionPool<CountedConnection>.Statistics) -> Bool
    ) async throws {
        for _ in 0..<1000 {
            if condition(await pool.statistics) { return }
            try await Task.sleep(for: .milliseconds(5))
        }
        Issue.record("the pool never reached the expected state: \(await pool.statistics)")
    }

    private func pool(_ factory: Factory, size: Int, timeout: Duration = .seconds(5)) -> ConnectionPool<CountedConnection> {
        ConnectionPool(configuration: .init(maximumConnections: size, acquireTimeout: timeout)) {
            try await factory.make()
        }
    }

    @Test func reusesConnectionsAndNeverExceedsTheLimit() async throws {
        let factory = Factory()
        // A generous wait: the test is about the limit, and a busy machine can stall the queue.
        let pool = pool(factory, size: 3, timeout: .seconds(60))
        let gauge = Gauge()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<100 {
                group.addTask {
                    try await pool.withConnection { _ in
                        gauge.enter()
                        try await Task.sleep(for: .milliseconds(1))
                        gauge.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(gauge.peak <= 3)
        #expect(factory.opened.load(ordering: .relaxed) <= 3)
        let statistics = await pool.statistics
        let opened = factory.opened.load(ordering: .relaxed)
        #expect(statistics.open == opened && statistics.idle == opened && statistics.waiting == 0)
    }

    @Test func brokenConnectionsAreClosedAndReplaced() async throws {
        let factory = Factory()
        let pool = pool(factory, size: 1)
        let first = try await pool.withConnection { connection in
            connection.broken.store(true, ordering: .relaxed)
            return connection.id
        }
        let second = try await pool.withConnection { $0.id }
        #expect(first != second)
        #expect(await pool.statistics.open == 1)
    }

    @Test func aFailedOpenFreesItsSlot() async throws {
        let factory = Factory()
        let pool = pool(factory, size: 1)
        factory.failing.store(true, ordering: .relaxed)
        await #expect(throws: Factory.Refused.self) { try await pool.withConnection { $0.id } }
        factory.failing.store(false, ordering: .relaxed)
        #expect(try await pool.withConnection { $0.id } == 1)
    }

    @Test func waitersTimeOutAndCanBeCancelled() async throws {
        let factory = Factory()
        let pool = pool(factory, size: 1, timeout: .milliseconds(100))
        let gate = Gate()
        let holder = Task { try await pool.withConnection { _ in await gate.wait() } }
        try await until(pool) { $0.open == 1 && $0.idle == 0 }
        let timedOut = await #expect(throws: ConnectionPoolError.self) { try await pool.withConnection { $0.id } }
        #expect(timedOut?.code == .timedOut)

        let patientPool = self.pool(factory, size: 1, timeout: .seconds(30))
        let patientHolder = Task { try await patientPool.withConnection { _ in await gate.wait() } }
        try await until(patientPool) { $0.open == 1 && $0.idle == 0 }
        let waiter = Task { try await patientPool.withConnection { $0.id } }
        try await until(patientPool) { $0.waiting == 1 }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(await patientPool.statistics.waiting == 0)
        await gate.open()
        try await holder.value
        try await patientHolder.value
    }

    @Test func shutdownFailsWaitersAndClosesIdleConnections() async throws {
        let factory = Factory()
        let pool = pool(factory, size: 1)
        let idle = try await pool.withConnection { $0 }
        let gate = Gate()
        let holder = Task { try await pool.withConnection { _ in await gate.wait() } }
        try await until(pool) { $0.idle == 0 }
        let waiter = Task { try await pool.withConnection { $0.id } }
        try await until(pool) { $0.waiting == 1 }
        await pool.shutdown()
        let error = await #expect(throws: ConnectionPoolError.self) { try await waiter.value }
        #expect(error?.code == .shutDown)
        await gate.open()
        try await holder.value
        let idleWasClosed = idle.closed.load(ordering: .relaxed)
        #expect(idleWasClosed)
        #expect(await pool.statistics.open == 0)
    }
}
