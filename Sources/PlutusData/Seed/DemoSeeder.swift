import Foundation
public import Logging
public import Postgres

/// Writes demo households into the host app's tables (standalone mode): `plutus seed`.
///
/// The same seed and user count give the same households (ids, names, amounts); dates are
/// placed relative to the day of seeding, so the last 90 days always hold data. Rows go in with
/// `COPY`, batch by batch, in one transaction: a failed seed leaves nothing behind. Seeding
/// again with a seed whose first user exists does nothing.
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
    public func seed(users: Int, seed: UInt64, today: Int? = nil, batchSize: Int = 250) async throws -> Summary {
        precondition(users > 0 && batchSize > 0)
        let today = today ?? Int(Date().timeIntervalSince1970 / 86_400)
        let demoUserID = DemoHousehold.userID(seed: seed, index: 0)
        let exists = try await client.query(
            PostgresQuery(sql: hostTables.render("SELECT 1 FROM {users} WHERE id = $1::uuid"), bindings: [PostgresBinding(demoUserID)]))
        guard exists.isEmpty else {
            return Summary(demoUserID: demoUserID, alreadySeeded: true)
        }
        let statements = SeedTables().inLoadOrder.map { hostTables.render($0.statement) }
        let batches = stride(from: 0, to: users, by: batchSize).map { $0..<min($0 + batchSize, users) }
        return try await client.withTransaction { connection in
            var summary = Summary(demoUserID: demoUserID)
            // Generate the next batch while the database loads this one.
            var next: Task<SeedTables, Never>? = batches.first.map { range in Task { Self.generate(range, seed: seed, today: today) } }
            for (number, _) in batches.enumerated() {
                guard let current = next else { break }
                let tables = await current.value
                next = batches.indices.contains(number + 1)
                    ? Task { [range = batches[number + 1]] in Self.generate(range, seed: seed, today: today) } : nil
                for (statement, (_, rows)) in zip(statements, tables.inLoadOrder) {
                    try await connection.copyIn(statement, chunks: CollectionOfOne(rows.bytes))
                }
                summary.add(tables)
            }
            logger.info("demo households seeded", metadata: ["users": "\(summary.users)", "transactions": "\(summary.transactions)"])
            return summary
        }
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

extension DemoSeeder.Summary {
    fileprivate mutating func add(_ tables: SeedTables) {
        users += tables.users.count
        accounts += tables.accounts.count
        balances += tables.balances.count
        holdings += tables.holdings.count
        transactions += tables.transactions.count
        goals += tables.goals.count
    }
}
