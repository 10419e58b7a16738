/// A bounded pool of connections of one kind, shared by many tasks.
///
/// Tasks borrow a connection with ``withConnection(_:)``. At most
/// ``Configuration/maximumConnections`` are open at once; past that, callers wait in order of
/// arrival, up to ``Configuration/acquireTimeout``. A connection that comes back broken, or is
/// found broken when it is next lent, is closed and replaced by a new one from the factory.
public actor ConnectionPool<Connection: PooledConnection> {
    /// How large the pool may grow and how long a caller waits for a connection.
    public struct Configuration: Sendable {
        /// The most connections open at once.
        public var maximumConnections: Int
        /// How long a caller waits for a connection when all are busy.
        public var acquireTimeout: Duration

        public init(maximumConnections: Int = 8, acquireTimeout: Duration = .seconds(10)) {
            self.maximumConnections = max(1, maximumConnections)
            self.acquireTimeout = acquireTimeout
        }
    }

    /// Opens a new connection.
    public typealias Factory = @Sendable () async throws -> Connection

    /// What a waiting caller is given: a connection, or the right to open one.
    private enum Grant {
        case connection(Connection)
        case openSlot
    }

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Grant, any Error>
        let timeout: Task<Void, Never>
    }

    /// The pool's current size, for tests and metrics.
    public struct Statistics: Sendable, Equatable {
        public let open: Int
        public let idle: Int
        public let waiting: Int
    }

    private let configuration: Configuration
    private let factory: Factory
    private var idle: [Connection] = []
    /// Idle, lent and being-opened connections together.
    private var openCount = 0
    private var waiters: [Waiter] = []
    private var nextWaiterID: UInt64 = 0
    private var isShutDown = false

    public init(configuration: Configuration = .init(), factory: @escaping Factory) {
        self.configuration = configuration
        self.factory = factory
    }

    public var statistics: Statistics {
        Statistics(open: openCount, idle: idle.count, waiting: waiters.count)
    }

    /// Lends a connection to `body` and takes it back when `body` returns or throws.
    /// - Throws: ``ConnectionPoolError`` when no connection could be had in time or the pool is shut
    ///   down, the factory's error when a connection could not be opened, or whatever `body` throws.
    public nonisolated func withConnection<Result: Sendable>(
        _ body: @Sendable (Connection) async throws -> Result
    ) async throws -> Result {
        let connection = try await lease()
        do {
            let result = try await body(connection)
            await giveBack(connection)
            return result
        } catch {
            await giveBack(connection)
            throw error
        }
    }

    /// Closes every idle connection, fails every waiter, and closes lent ones as they come back.
    public func shutdown() async {
        isShutDown = true
        for waiter in waiters {
            waiter.timeout.cancel()
            waiter.continuation.resume(throwing: ConnectionPoolError(code: .shutDown, message: "pool shut down"))
        }
        waiters.removeAll()
        let closing = idle
        idle.removeAll()
        openCount -= closing.count
        for connection in closing {
            await connection.close()
        }
    }

    // MARK: - Lending

    private func lease() async throws -> Connection {
        guard !isShutDown else { throw ConnectionPoolError(code: .shutDown, message: "pool shut down") }
        while let connection = idle.popLast() {
            if connection.isReusable { return connection }
            openCount -= 1
            await connection.close()
        }
        if openCount < configuration.maximumConnections {
            openCount += 1
            return try await openInReservedSlot()
        }
        switch try await waitForGrant() {
        case .connection(let connection): return connection
        case .openSlot: return try await openInReservedSlot()
        }
    }

    private func openInReservedSlot() async throws -> Connection {
        do {
            return try await factory()
        } catch {
            freeSlot()
            throw error
        }
    }

    private func giveBack(_ connection: Connection) async {
        guard !isShutDown, connection.isReusable else {
            await connection.close()
            freeSlot()
            return
        }
        if let waiter = popWaiter() {
            waiter.continuation.resume(returning: .connection(connection))
        } else {
            idle.append(connection)
        }
    }

    /// A slot opened or lent is gone: hand it to a waiter to open anew, or shrink.
    private func freeSlot() {
        if !isShutDown, let waiter = popWaiter() {
            waiter.continuation.resume(returning: .openSlot)
        } else {
            openCount -= 1
        }
    }

    // MARK: - Waiting

    private func waitForGrant() async throws -> Grant {
        let id = nextWaiterID
        nextWaiterID += 1
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                guard !Task.isCancelled else {
                    continuation.resume(throwing: CancellationError())
                    return
                }
                let timeout = configuration.acquireTimeout
                let timer = Task { [weak self] in
                    guard (try? await Task.sleep(for: timeout)) != nil else { return }
                    let error = ConnectionPoolError(
                        code: .timedOut, message: "no connection free within \(timeout)")
                    await self?.failWaiter(id, with: error)
                }
                waiters.append(Waiter(id: id, continuation: continuation, timeout: timer))
            }
        } onCancel: {
            Task { await self.failWaiter(id, with: CancellationError()) }
        }
    }

    private func popWaiter() -> Waiter? {
        guard !waiters.isEmpty else { return nil }
        let waiter = waiters.removeFirst()
        waiter.timeout.cancel()
        return waiter
    }

    private func failWaiter(_ id: UInt64, with error: any Error) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiters.remove(at: index)
        waiter.timeout.cancel()
        waiter.continuation.resume(throwing: error)
    }
}
