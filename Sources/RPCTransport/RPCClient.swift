import Foundation
public import Logging
public import NIOCore
public import NIOPosix
import PlutusWire
public import RPCCore
import Synchronization

/// The client of one service's replicas: a connection per replica, calls balanced across them,
/// failed replicas ejected and re-admitted, idempotent calls retried elsewhere.
///
/// - Balancing: each call goes to the admitted replica with the fewest calls in flight.
/// - Failures: a replica whose connection is refused or closes is ejected at once; it is
///   reconnected after a jittered, growing backoff. With ``run()`` running, every replica is
///   health-checked each ``Configuration/healthCheckInterval`` and re-admitted when it answers
///   `SERVING`, and `dns://` targets are re-resolved each ``Configuration/resolveInterval``.
/// - Retries: a call that could not be sent is tried on another replica; a call that failed
///   `UNAVAILABLE` after it was sent (the replica died or is draining) is retried on another
///   replica only when ``RPCRequest/isIdempotent``, up to ``Configuration/maximumAttempts``.
public final class RPCClient: RPCCaller {
    public struct Configuration: Sendable {
        /// Sent with every call; internal TCP listeners require it.
        public var clusterToken: String?
        public var maximumFrameSize: Int
        public var connectTimeout: Duration
        public var healthCheckInterval: Duration
        public var healthCheckTimeout: Duration
        public var resolveInterval: Duration
        public var reconnectBackoff: Backoff
        /// How many replicas one call may be tried on.
        public var maximumAttempts: Int
        /// Calls one connection carries before the client opens another to the same replica
        /// (servers refuse more than their own limit, 128 by default, on one connection).
        public var maximumCallsPerConnection: Int
        /// Connections the client may open to one replica.
        public var maximumConnectionsPerReplica: Int

        public init(
            clusterToken: String? = nil,
            maximumFrameSize: Int = LengthPrefixedFrameDecoder.defaultMaximumFrameSize,
            connectTimeout: Duration = .seconds(1),
            healthCheckInterval: Duration = .seconds(1),
            healthCheckTimeout: Duration = .milliseconds(750),
            resolveInterval: Duration = .seconds(5),
            reconnectBackoff: Backoff = Backoff(initial: .milliseconds(50), maximum: .seconds(5)),
            maximumAttempts: Int = 3,
            maximumCallsPerConnection: Int = 100,
            maximumConnectionsPerReplica: Int = 4
        ) {
            self.clusterToken = clusterToken
            self.maximumFrameSize = maximumFrameSize
            self.connectTimeout = connectTimeout
            self.healthCheckInterval = healthCheckInterval
            self.healthCheckTimeout = healthCheckTimeout
            self.resolveInterval = resolveInterval
            self.reconnectBackoff = reconnectBackoff
            self.maximumAttempts = max(1, maximumAttempts)
            self.maximumCallsPerConnection = max(1, maximumCallsPerConnection)
            self.maximumConnectionsPerReplica = max(1, maximumConnectionsPerReplica)
        }
    }

    /// What the client knows of one replica, for health reports.
    public struct ReplicaStatus: Hashable, Sendable {
        public let address: RPCAddress
        public let isAdmitted: Bool
        public let outstandingCalls: Int
        /// Connections open to it now.
        public let openConnections: Int
    }

    /// The open connections to one replica, each with its calls in flight, and the connection
    /// being opened, if any (one at a time, however many calls are waiting for it).
    private struct ReplicaConnections {
        struct Open {
            let connection: RPCClientConnection
            var inFlight = 0
        }

        var open: [Open] = []
        var connecting: Task<RPCClientConnection, any Error>?

        mutating func changeInFlight(of connection: RPCClientConnection, by change: Int) {
            guard let index = open.firstIndex(where: { $0.connection === connection }) else { return }
            open[index].inFlight = max(0, open[index].inFlight + change)
        }
    }

    private struct State: ~Copyable {
        var replicas: ReplicaSet
        var connections: [RPCAddress: ReplicaConnections] = [:]
        var resolved = false
        var isClosed = false
    }

    /// The service's name in messages and logs, such as `financial-agent`.
    public let service: String
    public let target: RPCTarget
    private let configuration: Configuration
    private let group: any EventLoopGroup
    private let logger: Logger
    private let state: Mutex<State>

    public init(
        service: String, target: RPCTarget, configuration: Configuration = .init(),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, logger: Logger
    ) {
        self.service = service
        self.target = target
        self.configuration = configuration
        self.group = group
        var logger = logger
        logger[metadataKey: "rpc.service"] = "\(service)"
        self.logger = logger
        let initial: [RPCAddress] =
            switch target {
            case .addresses(let addresses): addresses
            case .dns: []
            }
        let resolved = if case .addresses = target { true } else { false }
        state = Mutex(State(replicas: ReplicaSet(addresses: initial, backoff: configuration.reconnectBackoff), resolved: resolved))
    }

    // MARK: - Calls

    public func call(_ request: RPCRequest) async throws -> [UInt8] {
        try await onSomeReplica(request, mayRetryAfterSending: request.isIdempotent) { try await $0.call(request) }
    }

    /// Opens the stream on one replica (trying others while connecting fails); a stream is not
    /// retried once it has started.
    public func stream(_ request: RPCRequest) -> AsyncThrowingStream<[UInt8], any Error> {
        let (responses, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        let forwarding = Task {
            do {
                try await forward(request, to: continuation)
                continuation.finish()
            } catch is CancellationError {
                continuation.finish(throwing: RPCError(code: .cancelled, message: "the call was cancelled"))
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in forwarding.cancel() }
        return responses
    }

    private func forward(
        _ request: RPCRequest, to continuation: AsyncThrowingStream<[UInt8], any Error>.Continuation
    ) async throws {
        try await onSomeReplica(request, mayRetryAfterSending: false) { connection in
            for try await response in connection.stream(request) { continuation.yield(response) }
        }
    }

    /// Runs `body` on a connection to one replica, trying another while connecting fails, and —
    /// when `mayRetryAfterSending` — when the replica fails `UNAVAILABLE` after the call was sent.
    /// Each outcome admits or ejects the replica it was tried on.
    private func onSomeReplica<Result: Sendable>(
        _ request: RPCRequest, mayRetryAfterSending: Bool, _ body: (RPCClientConnection) async throws -> Result
    ) async throws -> Result {
        var excluded: Set<RPCAddress> = []
        var lastError: RPCError?
        for _ in 0..<configuration.maximumAttempts {
            try checkStillWanted(request)
            guard let address = try await pick(excluding: excluded) else { break }
            defer { release(address) }
            let connection: RPCClientConnection
            do {
                connection = try await lease(address)
            } catch {
                lastError = error as? RPCError ?? RPCError(code: .unavailable, message: "\(error)")
                excluded.insert(address)
                continue
            }
            defer { finish(connection, on: address) }
            do {
                let result = try await body(connection)
                recordSuccess(address)
                return result
            } catch let error as RPCError where error.code == .unavailable {
                recordFailure(address, reason: error.message)
                guard mayRetryAfterSending else { throw error }
                lastError = error
                excluded.insert(address)
            }
        }
        throw lastError ?? noReplica()
    }

    /// The replicas as this client sees them now.
    public func replicaStatuses() -> [ReplicaStatus] {
        state.withLock { state in
            state.replicas.addresses.compactMap { address in
                state.replicas.replicas[address].map {
                    ReplicaStatus(
                        address: address, isAdmitted: $0.health == .admitted, outstandingCalls: $0.outstanding,
                        openConnections: state.connections[address]?.open.filter { $0.connection.isActive }.count ?? 0)
                }
            }
        }
    }

    // MARK: - Background work

    /// Health-checks the replicas and re-resolves a `dns://` target until cancelled.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            if case .dns = target {
                group.addTask { await self.repeatEvery(self.configuration.resolveInterval) { await self.resolve() } }
            }
            group.addTask { await self.repeatEvery(self.configuration.healthCheckInterval) { await self.checkHealth() } }
        }
    }

    /// Closes every connection; calls still open fail with `UNAVAILABLE`, later calls too.
    public func close() async {
        let replicas = state.withLock { state in
            state.isClosed = true
            defer { state.connections.removeAll() }
            return Array(state.connections.values)
        }
        for replica in replicas {
            for open in replica.open { try? await open.connection.close() }
            try? await replica.connecting?.value.close()
        }
    }

    private func repeatEvery(_ interval: Duration, _ work: @Sendable () async -> Void) async {
        while !Task.isCancelled {
            await work()
            try? await Task.sleep(for: interval)
        }
    }

    /// Probes every replica that is admitted or due for another try.
    func checkHealth() async {
        let now = ContinuousClock.now
        let due = state.withLock { state in state.replicas.addresses.filter { state.replicas.isDue($0, now: now) } }
        await withTaskGroup(of: Void.self) { group in
            for address in due {
                group.addTask { await self.probe(address) }
            }
        }
    }

    private func probe(_ address: RPCAddress) async {
        do {
            let connection = try await lease(address)
            defer { finish(connection, on: address) }
            let response = try await connection.unary(
                HealthService.check, HealthCheckRequest(), as: HealthCheckResponse.self,
                deadline: RPCDeadline(after: configuration.healthCheckTimeout))
            if response.status == .serving {
                recordSuccess(address)
            } else {
                recordFailure(address, reason: "health check answered \(response.status)")
            }
        } catch {
            recordFailure(address, reason: "health check failed: \(error)")
        }
    }

    /// Looks the DNS name up again and makes its answer the replica set.
    func resolve() async {
        guard case .dns(let host, let port) = target else { return }
        do {
            let addresses = try await DNSResolver.ipv4Addresses(of: host).map { RPCAddress.tcp(host: $0, port: port) }
            let gone = state.withLock { state in
                state.resolved = true
                let removed = state.replicas.replace(with: addresses)
                return removed.compactMap { state.connections.removeValue(forKey: $0) }
            }
            for replica in gone {
                for open in replica.open { try? await open.connection.close() }
            }
        } catch {
            logger.warning("could not resolve the service's replicas", metadata: ["rpc.error": "\(error)"])
        }
    }

    // MARK: - Replicas and connections

    private func pick(excluding excluded: Set<RPCAddress>) async throws -> RPCAddress? {
        if !state.withLock({ $0.resolved }) { await resolve() }
        return try state.withLock { state in
            guard !state.isClosed else { throw RPCError(code: .unavailable, message: "the client of \(service) is closed") }
            return state.replicas.pick(excluding: excluded, now: .now)
        }
    }

    private func release(_ address: RPCAddress) {
        state.withLock { $0.replicas.release(address) }
    }

    private func recordSuccess(_ address: RPCAddress) {
        let readmitted = state.withLock { state in
            defer { state.replicas.recordSuccess(address) }
            return !state.replicas.isAdmitted(address)
        }
        if readmitted { logger.info("replica admitted", metadata: ["rpc.address": "\(address)"]) }
    }

    private func recordFailure(_ address: RPCAddress, reason: String) {
        let ejected = state.withLock { state in
            defer { state.replicas.recordFailure(address, now: .now) }
            return state.replicas.isAdmitted(address)
        }
        if ejected { logger.warning("replica ejected", metadata: ["rpc.address": "\(address)", "rpc.reason": "\(reason)"]) }
    }

    /// A connection to `address` for one call, counted in flight until ``finish(_:on:)``: the
    /// open connection with the fewest calls; when every open one is full, a new connection (one
    /// opening at a time, the calls that wait for it choosing again once it is open); when the
    /// replica has all the connections it may, the least busy even if full.
    private func lease(_ address: RPCAddress) async throws -> RPCClientConnection {
        enum Plan {
            case use(RPCClientConnection)
            case wait(Task<RPCClientConnection, any Error>)
        }
        let limits = (calls: configuration.maximumCallsPerConnection, connections: configuration.maximumConnectionsPerReplica)
        // Each round either leases or waits for one connection to open; a replica whose new
        // connections keep closing at once gives up after as many rounds as it may have connections.
        for _ in 0...limits.connections {
            let plan: Plan = state.withLock { state in
                var replica = state.connections[address] ?? ReplicaConnections()
                defer { state.connections[address] = replica }
                replica.open.removeAll { !$0.connection.isActive }
                if let index = replica.open.indices.min(by: { replica.open[$0].inFlight < replica.open[$1].inFlight }),
                    replica.open[index].inFlight < limits.calls || replica.open.count >= limits.connections
                {
                    replica.open[index].inFlight += 1
                    return .use(replica.open[index].connection)
                }
                if let task = replica.connecting { return .wait(task) }
                let task = Task { try await self.connect(to: address) }
                replica.connecting = task
                return .wait(task)
            }
            switch plan {
            case .use(let connection):
                return connection
            case .wait(let task):
                do {
                    _ = try await task.value  // open now: choose again among the open connections
                } catch {
                    state.withLock { state in
                        if state.connections[address]?.connecting == task { state.connections[address]?.connecting = nil }
                    }
                    recordFailure(address, reason: "could not connect: \(error)")
                    throw RPCError(code: .unavailable, message: "could not connect to \(service) at \(address)")
                }
            }
        }
        recordFailure(address, reason: "its connections close as soon as they open")
        throw RPCError(code: .unavailable, message: "\(service) at \(address) keeps closing its connections")
    }

    /// The call leased on `connection` is over.
    private func finish(_ connection: RPCClientConnection, on address: RPCAddress) {
        state.withLock { $0.connections[address]?.changeInFlight(of: connection, by: -1) }
    }

    private func connect(to address: RPCAddress) async throws -> RPCClientConnection {
        let connection = try await RPCClientConnection.connect(
            to: address, clusterToken: configuration.clusterToken, maximumFrameSize: configuration.maximumFrameSize,
            connectTimeout: configuration.connectTimeout, group: group, logger: logger)
        let stillWanted = state.withLock { state in
            guard !state.isClosed, state.replicas.replicas[address] != nil else { return false }
            state.connections[address, default: ReplicaConnections()].open.append(.init(connection: connection))
            state.connections[address]?.connecting = nil
            return true
        }
        guard stillWanted else {
            try? await connection.close()
            throw RPCError(code: .unavailable, message: "the client of \(service) is closed")
        }
        connection.closeFuture.whenComplete { _ in self.connectionClosed(connection, address: address) }
        return connection
    }

    /// A connection closed that this client did not close: the replica is suspect until a health
    /// check or a call shows otherwise.
    private func connectionClosed(_ connection: RPCClientConnection, address: RPCAddress) {
        let unexpected = state.withLock { state in
            guard !state.isClosed, var replica = state.connections[address],
                replica.open.contains(where: { $0.connection === connection })
            else { return false }
            replica.open.removeAll { $0.connection === connection }
            state.connections[address] = replica
            return true
        }
        if unexpected { recordFailure(address, reason: "the connection closed") }
    }

    private func checkStillWanted(_ request: RPCRequest) throws {
        if Task.isCancelled { throw RPCError(code: .cancelled, message: "the call was cancelled") }
        if let deadline = request.deadline, deadline.hasPassed() {
            throw RPCError(code: .deadlineExceeded, message: "the call's deadline passed")
        }
    }

    private func noReplica() -> RPCError {
        RPCError(code: .unavailable, message: "no replica of \(service) is available (\(target))")
    }
}
