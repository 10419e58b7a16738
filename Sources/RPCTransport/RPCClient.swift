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

        public init(
            clusterToken: String? = nil,
            maximumFrameSize: Int = LengthPrefixedFrameDecoder.defaultMaximumFrameSize,
            connectTimeout: Duration = .seconds(1),
            healthCheckInterval: Duration = .seconds(1),
            healthCheckTimeout: Duration = .milliseconds(750),
            resolveInterval: Duration = .seconds(5),
            reconnectBackoff: Backoff = Backoff(initial: .milliseconds(50), maximum: .seconds(5)),
            maximumAttempts: Int = 3
        ) {
            self.clusterToken = clusterToken
            self.maximumFrameSize = maximumFrameSize
            self.connectTimeout = connectTimeout
            self.healthCheckInterval = healthCheckInterval
            self.healthCheckTimeout = healthCheckTimeout
            self.resolveInterval = resolveInterval
            self.reconnectBackoff = reconnectBackoff
            self.maximumAttempts = max(1, maximumAttempts)
        }
    }

    /// What the client knows of one replica, for health reports.
    public struct ReplicaStatus: Hashable, Sendable {
        public let address: RPCAddress
        public let isAdmitted: Bool
        public let outstandingCalls: Int
    }

    private enum ConnectionSlot {
        case connected(RPCClientConnection)
        case connecting(Task<RPCClientConnection, any Error>)
    }

    private struct State: ~Copyable {
        var replicas: ReplicaSet
        var connections: [RPCAddress: ConnectionSlot] = [:]
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
        var excluded: Set<RPCAddress> = []
        var lastError: RPCError?
        for _ in 0..<configuration.maximumAttempts {
            try checkStillWanted(request)
            guard let address = try await pick(excluding: excluded) else { break }
            defer { release(address) }
            let connection: RPCClientConnection
            do {
                connection = try await self.connection(to: address)
            } catch {
                lastError = error as? RPCError ?? RPCError(code: .unavailable, message: "\(error)")
                excluded.insert(address)
                continue
            }
            do {
                let response = try await connection.call(request)
                recordSuccess(address)
                return response
            } catch let error as RPCError where error.code == .unavailable {
                recordFailure(address, reason: error.message)
                guard request.isIdempotent else { throw error }
                lastError = error
                excluded.insert(address)
            }
        }
        throw lastError ?? noReplica()
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
        var excluded: Set<RPCAddress> = []
        for _ in 0..<configuration.maximumAttempts {
            try checkStillWanted(request)
            guard let address = try await pick(excluding: excluded) else { break }
            defer { release(address) }
            let connection: RPCClientConnection
            do {
                connection = try await self.connection(to: address)
            } catch {
                excluded.insert(address)
                continue
            }
            for try await response in connection.stream(request) { continuation.yield(response) }
            return
        }
        throw noReplica()
    }

    /// The replicas as this client sees them now.
    public func replicaStatuses() -> [ReplicaStatus] {
        state.withLock { state in
            state.replicas.addresses.compactMap { address in
                state.replicas.replicas[address].map {
                    ReplicaStatus(address: address, isAdmitted: $0.health == .admitted, outstandingCalls: $0.outstanding)
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
        let slots = state.withLock { state in
            state.isClosed = true
            defer { state.connections.removeAll() }
            return Array(state.connections.values)
        }
        for slot in slots {
            switch slot {
            case .connected(let connection): try? await connection.close()
            case .connecting(let task): try? await task.value.close()
            }
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
            let connection = try await connection(to: address)
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
            for case .connected(let connection) in gone { try? await connection.close() }
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

    /// The open connection to `address`, connecting once however many calls ask at the same time.
    private func connection(to address: RPCAddress) async throws -> RPCClientConnection {
        let slot: ConnectionSlot = state.withLock { state in
            switch state.connections[address] {
            case .connected(let connection) where connection.isActive:
                return .connected(connection)
            case .connecting(let task):
                return .connecting(task)
            default:
                let task = Task { try await self.connect(to: address) }
                state.connections[address] = .connecting(task)
                return .connecting(task)
            }
        }
        switch slot {
        case .connected(let connection):
            return connection
        case .connecting(let task):
            do {
                return try await task.value
            } catch {
                state.withLock { state in
                    if case .connecting = state.connections[address] { state.connections[address] = nil }
                }
                recordFailure(address, reason: "could not connect: \(error)")
                throw RPCError(code: .unavailable, message: "could not connect to \(service) at \(address)")
            }
        }
    }

    private func connect(to address: RPCAddress) async throws -> RPCClientConnection {
        let connection = try await RPCClientConnection.connect(
            to: address, clusterToken: configuration.clusterToken, maximumFrameSize: configuration.maximumFrameSize,
            connectTimeout: configuration.connectTimeout, group: group, logger: logger)
        let stillWanted = state.withLock { state in
            guard !state.isClosed, state.replicas.replicas[address] != nil else { return false }
            state.connections[address] = .connected(connection)
            return true
        }
        guard stillWanted else {
            try? await connection.close()
            throw RPCError(code: .unavailable, message: "the client of \(service) is closed")
        }
        connection.closeFuture.whenComplete { _ in self.connectionClosed(connection, address: address) }
        return connection
    }

    private func connectionClosed(_ connection: RPCClientConnection, address: RPCAddress) {
        let wasCurrent = state.withLock { state in
            guard case .connected(let current) = state.connections[address], current === connection else { return false }
            state.connections[address] = nil
            return !state.isClosed
        }
        if wasCurrent { recordFailure(address, reason: "the connection closed") }
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
