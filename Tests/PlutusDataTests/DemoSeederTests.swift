import Logging
import PlutusData
import PlutusTestSupport
import Postgres
import Testing

/// Demo households in migrated scratch databases.
@Suite struct DemoSeederTests {
    static let logger = Logger(label: "plutus.tests.seed")
    static let today = 20_000  // 2024-10-04: a fixed day, so two runs are comparable byte for byte

    private func withSeededDatabase<Result>(
        users: Int, seed: UInt64, _ body: (PostgresClient, DemoSeeder.Summary) async throws -> Result
    ) async throws -> Result {
        try await ScratchSchema.with { scratch in
            let url = scratch.url
            let client = PostgresClient(configuration: try .init(url: url, maximumConnections: 2), logger: Self.logger)
            return try await withCleanUp {
                try await Migrator(client: client, logger: Self.logger).migrate(standalone: true)
                let summary = try await DemoSeeder(client: client, logger: Self.logger)
                    .seed(users: users, seed: seed, today: Self.today, batchSize: 7)
                return try await body(client, summary)
            } cleanUp: {
                await client.shutdown()
            }
        }
    }

    /// A digest of every seeded row, in a stable order.
    private func fingerprint(_ client: PostgresClient) async throws -> String {
        let rows = try await client.query(
            """
            SELECT md5(
              (SELECT string_agg(u::text, '|' ORDER BY u.id) FROM (SELECT id, name, email, birth_date, risk_tolerance, annual_income FROM users) u) ||
              (SELECT string_agg(a::text, '|' ORDER BY a.id) FROM (SELECT id, user_id, type, name, institution, apr FROM accounts) a) ||
              (SELECT string_agg(b::text, '|' ORDER BY b.account_id, b.as_of) FROM account_balances b) ||
              (SELECT string_agg(h::text, '|' ORDER BY h.id) FROM (SELECT id, account_id, symbol, quantity, price, cost_basis FROM portfolio_holdings) h) ||
              (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM transactions t) ||
              (SELECT string_agg(g::text, '|' ORDER BY g.id) FROM (SELECT id, user_id, type, title, target_amount, current_amount, target_date, priority FROM financial_goals) g)
            ) AS digest
            """)
        return try rows.first?.decode("digest") ?? ""
    }

    @Test func theSameSeedGivesTheSameHouseholdsAndAnotherSeedOthers() async throws {
        let first = try await withSeededDatabase(users: 20, seed: 7) { client, _ in try await fingerprint(client) }
        let again = try await withSeededDatabase(users: 20, seed: 7) { client, _ in try await fingerprint(client) }
        let other = try await withSeededDatabase(users: 20, seed: 8) { client, _ in try await fingerprint(client) }
        #expect(first == again)
        #expect(first != other)
    }

    @Test func twoSeedsLiveSideBySide() async throws {
        try await withSeededDatabase(users: 60, seed: 1) { client, _ in
            let second = try await DemoSeeder(client: client, logger: Self.logger).seed(users: 60, seed: 2, today: Self.today)
            #expect(second.users == 60)
            let count = try await client.query("SELECT count(*)::int AS n FROM users")
            #expect(try count.first?.decode("n", as: Int.self) == 120)
        }
    }

    @Test func seedingAgainWritesNothing() async throws {
        try await withSeededDatabase(users: 10, seed: 3) { client, summary in
            #expect(summary.users == 10)
            #expect(!summary.alreadySeeded)
            let again = try await DemoSeeder(client: client, logger: Self.logger).seed(users: 10, seed: 3, today: Self.today)
            #expect(again.alreadySeeded)
            #expect(again.demoUserID == summary.demoUserID)
            let count = try await client.query("SELECT count(*)::int AS n FROM users")
            #expect(try count.first?.decode("n", as: Int.self) == 10)
        }
    }

    @Test func aFailedSeedRemovesWhatItLoaded() async throws {
        try await ScratchSchema.with { scratch in
            let url = scratch.url
            let client = PostgresClient(configuration: try .init(url: url, maximumConnections: 3), logger: Self.logger)
            try await withCleanUp {
                try await Migrator(client: client, logger: Self.logger).migrate(standalone: true)
                // Household 15 (in the third batch of 7) breaks a rule the database enforces.
                try await client.query("ALTER TABLE users ADD CONSTRAINT no_fifteen CHECK (email NOT LIKE '%.15@example.com')")
                await #expect(throws: PostgresError.self) {
                    try await DemoSeeder(client: client, logger: Self.logger).seed(users: 30, seed: 5, today: Self.today, batchSize: 7)
                }
                let left = try await client.query(
                    "SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM transactions)::int AS transactions")
                #expect(try left.first?.decode("users", as: Int.self) == 0)
                #expect(try left.first?.decode("transactions", as: Int.self) == 0)
            } cleanUp: {
                await client.shutdown()
            }
        }
    }

    @Test func householdsLookLikeRealOnes() async throws {
        try await withSeededDatabase(users: 40, seed: 11) { client, summary in
            let counts = try #require(
                try await client.query(
                    """
                    SELECT (SELECT count(*) FROM users)::int AS users,
                           (SELECT count(*) FROM transactions)::int AS transactions,
                           (SELECT count(*) FROM financial_goals)::int AS goals,
                           (SELECT count(*) FROM portfolio_holdings)::int AS holdings
                    """
                ).first)
            #expect(try counts.decode("users", as: Int.self) == 40)
            #expect(try counts.decode("transactions", as: Int.self) == summary.transactions)
            #expect(try counts.decode("holdings", as: Int.self) == summary.holdings)
            #expect(summary.holdings > 0)
            // Every household: a checking account, paychecks, 12 months of categorized spending, 1-3 goals.
            let perUser = try await client.query(
                """
                SELECT u.id,
                       (SELECT count(*) FROM accounts a WHERE a.user_id = u.id AND a.type = 'checking')::int AS checking,
                       (SELECT count(*) FROM transactions t JOIN accounts a ON a.id = t.account_id
                         WHERE a.user_id = u.id AND t.category = 'income')::int AS paychecks,
                       (SELECT count(DISTINCT date_trunc('month', t.posted_on)) FROM transactions t JOIN accounts a ON a.id = t.account_id
                         WHERE a.user_id = u.id AND t.category = 'groceries')::int AS grocery_months,
                       (SELECT count(*) FROM financial_goals g WHERE g.user_id = u.id)::int AS goals
                FROM users u
                """)
            for row in perUser {
                #expect(try row.decode("checking", as: Int.self) == 1)
                #expect(try row.decode("paychecks", as: Int.self) == 26)
                #expect(try row.decode("grocery_months", as: Int.self) >= 12)
                #expect((1...3).contains(try row.decode("goals", as: Int.self)))
            }
            // Investment accounts are worth what they hold, to the cent.
            let mismatched = try await client.query(
                """
                SELECT a.id FROM accounts a
                JOIN account_balances b ON b.account_id = a.id AND b.as_of = (SELECT max(as_of) FROM account_balances WHERE account_id = a.id)
                WHERE a.type IN ('brokerage', 'retirement_401k', 'ira', 'roth_ira', 'hsa')
                  AND b.balance <> (SELECT sum(round(h.quantity * h.price, 2)) FROM portfolio_holdings h WHERE h.account_id = a.id)
                """)
            #expect(mismatched.isEmpty)
            // Debts carry rates; tickers and expense ratios are the catalogue's.
            let unratedDebts = try await client.query(
                "SELECT id FROM accounts WHERE type IN ('credit_card', 'loan', 'mortgage') AND apr IS NULL")
            #expect(unratedDebts.isEmpty)
            let symbols = try await client.query("SELECT DISTINCT symbol FROM portfolio_holdings").map {
                try $0.decode("symbol", as: String.self)
            }
            #expect(Set(symbols).isSubset(of: ["VTI", "VOO", "FXAIX", "SCHB", "QQQ", "ARKK", "AAPL", "VXUS", "VEA", "FSPSX", "BND", "AGG", "VBTLX", "VNQ", "VFIFX", "AGTHX", "GBTC", "SPAXX"]))
        }
    }
}
