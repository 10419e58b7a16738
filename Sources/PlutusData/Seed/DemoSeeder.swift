import Foundation
import Synchronization
public import Logging
public import Postgres

/// Writes demo households into the host app's tables (standalone mode): `plutus seed`.
///
/// The same seed and user count give the same households (ids, names, amounts); dates are
/// placed relative to the day of seeding, so the last 90 days always hold data. Rows go in with
/// `COPY`, in batches loaded on two connections at once; a failed seed removes what it loaded.
/// Seeding again with a seed whose first user exists does nothing.
public struct DemoSeeder: Sendable {
    private let client: PostgresClient
    private let hostTables: HostTables
    private let logger: Logger

    public init(client: PostgresClient, hostTables: HostTables = HostTables(), logger: Logger) {
        self.client = client
        self.hostTables = hostTables
        self.logger = logger
    }

    /// What a seed wrote.
    public struct Summary: Sendable, Equatable {
        /// The first household's user, for a demo login.
        public var demoUserID: String
        /// `true` when the households were already there and nothing was written.
        public var alreadySeeded = false
        public var users = 0
        public var accounts = 0
        public var balances = 0
        public var holdings = 0
        public var transactions = 0
        public var goals = 0
    }

    /// Seeds `users` households from `seed`, the last day of data being `today` (days since 1970-01-01).
    ///
    /// Batches load on `parallelism` connections at once, each batch in a transaction of its own;
    /// if one fails, the batches already loaded are deleted again before the error is thrown.
    public func seed(
        users: Int, seed: UInt64, today: Int? = nil, batchSize: Int = 250, parallelism: Int = 2
    ) async throws -> Summary {
        precondition(users > 0 && batchSize > 0 && parallelism > 0)
        let today = today ?? Int(Date().timeIntervalSince1970 / 86_400)
        let demoUserID = DemoHousehold.userID(seed: seed, index: 0)
        let exists = try await client.query(
            PostgresQuery(sql: hostTables.render("SELECT 1 FROM {users} WHERE id = $1::uuid"), bindings: [PostgresBinding(demoUserID)]))
        guard exists.isEmpty else {
            return Summary(demoUserID: demoUserID, alreadySeeded: true)
        }
        let statements = SeedTables().inLoadOrder.map { hostTables.render($0.statement) }
        let batches = stride(from: 0, to: users, by: batchSize).map { $0..<min($0 + batchSize, users) }
        let queue = BatchQueue(count: batches.count)
        var summary = Summary(demoUserID: demoUserID)
        do {
            try await withThrowingTaskGroup(of: Summary.self) { group in
                for _ in 0..<min(parallelism, batches.count) {
                    group.addTask { [client] in
                        var part = Summary(demoUserID: demoUserID)
                        while let number = queue.next() {
                            let tables = Self.generate(batches[number], seed: seed, today: today)
                            try await client.withTransaction { connection in
                                for (statement, (_, rows)) in zip(statements, tables.inLoadOrder) {
                                    try await connection.copyIn(statement, chunks: CollectionOfOne(rows.bytes))
                                }
                            }
                            queue.markLoaded(number)
                            part.add(tables)
                        }
                        return part
                    }
                }
                for try await part in group { summary.add(part) }
            }
        } catch {
            // In a task of its own: a cancelled seed (Ctrl-C) must still take back what it loaded.
            let loaded = queue.loaded.map { batches[$0] }
            await Task { try? await removeHouseholds(loaded, seed: seed) }.value
            throw error
        }
        // Fresh statistics for the planner after a bulk load, for the tables loaded only.
        try await client.query(PostgresQuery(sql: hostTables.render(
            "ANALYZE {users}, {accounts}, {account_balances}, {portfolio_holdings}, {transactions}, {financial_goals}")))
        logger.info("demo households seeded", metadata: ["users": "\(summary.users)", "transactions": "\(summary.transactions)"])
        return summary
    }

    /// Deletes the households of `batches` (their rows go with the user).
    private func removeHouseholds(_ batches: [Range<Int>], seed: UInt64) async throws {
        let ids = batches.flatMap { $0 }.map { DemoHousehold.userID(seed: seed, index: $0) }
        guard !ids.isEmpty else { return }
        let list = "{" + ids.joined(separator: ",") + "}"
        try await client.query(
            PostgresQuery(sql: hostTables.render("DELETE FROM {users} WHERE id = ANY($1::uuid[])"), bindings: [PostgresBinding(list)]))
    }

    private static func generate(_ range: Range<Int>, seed: UInt64, today: Int) -> SeedTables {
        var tables = SeedTables()
        for index in range {
            var household = DemoHousehold(seed: seed, index: index, today: today)
            household.write(into: &tables)
        }
        return tables
    }
}

/// Hands out batch numbers in order to the workers loading them, and remembers which loaded.
private final class BatchQueue: Sendable {
    private let state: Mutex<(next: Int, loaded: [Int])>
    private let count: Int

    init(count: Int) {
        self.state = Mutex((0, []))
        self.count = count
    }

    func next() -> Int? {
        state.withLock { state in
            guard state.next < count else { return nil }
            defer { state.next += 1 }
            return state.next
        }
    }

    func markLoaded(_ number: Int) { state.withLock { $0.loaded.append(number) } }

    var loaded: [Int] { state.withLock { $0.loaded } }
}

extension DemoSeeder.Summary {
    fileprivate mutating func add(_ other: Self) {
        users += other.users
        accounts += other.accounts
        balances += other.balances
        holdings += other.holdings
        transactions += other.transactions
        goals += other.goals
    }

    fileprivate mutating func add(_ tables: SeedTables) {
        users += tables.users.count
        accounts += tables.accounts.count
        balances += tables.balances.count
        holdings += tables.holdings.count
        transactions += tables.transactions.count
        goals += tables.goals.count
    }
}
