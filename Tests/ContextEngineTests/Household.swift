import ContextEngine
import Foundation
import Logging
import PlutusData
import PlutusTestSupport
import Postgres
import Redis

/// A hand-built household in a scratch database, with every figure worked out by hand (see
/// `ContextFigureTests`), and the engine pieces to test against it.
struct Household {
    static let logger = Logger(label: "plutus.tests.context")

    let database: PostgresClient
    let databaseURL: String
    let redis: RedisClient
    let cipher: DataCipher
    /// The `PLUTUS_DATA_KEY` value of ``cipher``, for service processes a test starts.
    let cipherKeyList: String
    /// Fresh for every household: tests run in parallel and share one Redis, whose cache keys
    /// carry only the user id.
    let userID = UUID().uuidString.lowercased()
    let otherUserID = UUID().uuidString.lowercased()

    /// Runs `body` with a migrated scratch database holding the household, and a Redis client.
    static func with<Result>(_ body: (Household) async throws -> Result) async throws -> Result {
        try await ScratchSchema.with { scratch in
            let url = scratch.url
            let database = PostgresClient(configuration: try .init(url: url, maximumConnections: 8), logger: logger)
            let redis = try RedisClient(url: try LocalServices.redisURL(), logger: logger)
            return try await withCleanUp {
                try await Migrator(client: database, logger: logger).migrate(standalone: true)
                let keyList = DataCipher.generateKeyEntry(id: "test")
                let household = Household(
                    database: database, databaseURL: url, redis: redis, cipher: try DataCipher(keyList: keyList),
                    cipherKeyList: keyList)
                try await household.insert()
                return try await body(household)
            } cleanUp: {
                await database.shutdown()
                await redis.shutdown()
            }
        }
    }

    func engine(cache: ContextCache? = nil, memories: any MemorySource = NoMemories()) -> ContextEngine {
        ContextEngine(
            client: database, cache: cache, hostTables: HostTables(), cipher: cipher, memories: memories,
            logger: Self.logger)
    }

    /// - Parameter localEntries: contexts kept in memory in front of Redis (served while the cache's
    ///   invalidation listener runs).
    func cache(ttl: Duration = .seconds(60), localEntries: Int = 0) -> ContextCache {
        ContextCache(redis: redis, ttl: ttl, localEntries: localEntries, logger: Self.logger)
    }

    private func insert() async throws {
        try await database.withConnection { connection in
            try await connection.executeScript(Self.sql(userID: userID, otherUserID: otherUserID))
        }
    }

    /// Balances are money owed for the card and the loan. Transactions are placed relative to
    /// today so the 90-day window always holds the same ones.
    static func sql(userID: String, otherUserID: String) -> String {
        """
        INSERT INTO users (id, name, birth_date, risk_tolerance, annual_income, currency) VALUES
          ('\(userID)', 'Avery Quinn', '1988-04-12', 'moderate', 96000.00, 'USD'),
          ('\(otherUserID)', 'Other Person', NULL, 'aggressive', 50000.00, 'USD');

        INSERT INTO accounts (id, user_id, type, name, institution, apr, created_at) VALUES
          ('a0000000-0000-0000-0000-000000000001', '\(userID)', 'checking', 'Everyday', 'First Bank', NULL, now() - interval '6 days'),
          ('a0000000-0000-0000-0000-000000000002', '\(userID)', 'savings', 'Rainy day', 'First Bank', 4.100, now() - interval '5 days'),
          ('a0000000-0000-0000-0000-000000000003', '\(userID)', 'credit_card', 'Visa', 'Card Co', 22.990, now() - interval '4 days'),
          ('a0000000-0000-0000-0000-000000000004', '\(userID)', 'loan', 'Student loan', 'Loan Co', 5.500, now() - interval '3 days'),
          ('a0000000-0000-0000-0000-000000000005', '\(userID)', 'brokerage', 'Taxable', 'Broker', NULL, now() - interval '2 days'),
          ('a0000000-0000-0000-0000-000000000006', '\(userID)', 'retirement_401k', '401(k)', 'Employer plan', NULL, now() - interval '1 day'),
          ('a0000000-0000-0000-0000-000000000007', '\(otherUserID)', 'checking', 'Theirs', 'Other Bank', NULL, now());

        INSERT INTO account_balances (account_id, as_of, balance, available) VALUES
          ('a0000000-0000-0000-0000-000000000001', current_date - 30, 4000.00, 4000.00),
          ('a0000000-0000-0000-0000-000000000001', current_date - 2, 5000.00, 4800.00),
          ('a0000000-0000-0000-0000-000000000002', current_date - 2, 12500.50, 12500.50),
          ('a0000000-0000-0000-0000-000000000003', current_date - 2, 1234.56, 3765.44),
          ('a0000000-0000-0000-0000-000000000004', current_date - 2, 18000.00, NULL),
          ('a0000000-0000-0000-0000-000000000005', current_date - 2, 30000.00, NULL),
          ('a0000000-0000-0000-0000-000000000006', current_date - 2, 45000.00, NULL),
          ('a0000000-0000-0000-0000-000000000007', current_date - 2, 999999.99, NULL);

        INSERT INTO portfolio_holdings (id, account_id, symbol, asset_class, quantity, price, cost_basis, expense_ratio) VALUES
          ('b0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000005', 'VTI', 'us_equity', 100, 250.00, 20000.00, 0.03),
          ('b0000000-0000-0000-0000-000000000002', 'a0000000-0000-0000-0000-000000000005', 'VXUS', 'intl_equity', 80.5, 62.10, 4500.00, 0.07),
          ('b0000000-0000-0000-0000-000000000003', 'a0000000-0000-0000-0000-000000000006', 'BND', 'bond', 200, 72.35, 15000.00, 0.03),
          ('b0000000-0000-0000-0000-000000000004', 'a0000000-0000-0000-0000-000000000006', 'FXAIX', 'us_equity', 150.123, 180.00, 20000.00, 0.015);

        INSERT INTO transactions (id, account_id, amount, posted_on, merchant, category) VALUES
          ('c0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000001', 4000.00, current_date - 5, 'Employer payroll', 'income'),
          ('c0000000-0000-0000-0000-000000000002', 'a0000000-0000-0000-0000-000000000001', 4000.00, current_date - 35, 'Employer payroll', 'income'),
          ('c0000000-0000-0000-0000-000000000003', 'a0000000-0000-0000-0000-000000000001', 4000.00, current_date - 65, 'Employer payroll', 'income'),
          ('c0000000-0000-0000-0000-000000000004', 'a0000000-0000-0000-0000-000000000001', 4000.00, current_date - 95, 'Employer payroll', 'income'),
          ('c0000000-0000-0000-0000-000000000005', 'a0000000-0000-0000-0000-000000000001', -1500.00, current_date - 3, 'Landlord', 'housing'),
          ('c0000000-0000-0000-0000-000000000006', 'a0000000-0000-0000-0000-000000000001', -1500.00, current_date - 33, 'Landlord', 'housing'),
          ('c0000000-0000-0000-0000-000000000007', 'a0000000-0000-0000-0000-000000000001', -1500.00, current_date - 63, 'Landlord', 'housing'),
          ('c0000000-0000-0000-0000-000000000008', 'a0000000-0000-0000-0000-000000000003', -400.25, current_date - 10, 'Grocer', 'groceries'),
          ('c0000000-0000-0000-0000-000000000009', 'a0000000-0000-0000-0000-000000000003', -350.75, current_date - 40, 'Grocer', 'groceries'),
          ('c0000000-0000-0000-0000-000000000010', 'a0000000-0000-0000-0000-000000000003', -60.00, current_date - 12, 'Bistro', 'dining'),
          ('c0000000-0000-0000-0000-000000000011', 'a0000000-0000-0000-0000-000000000003', 20.00, current_date - 11, 'Bistro', 'dining'),
          ('c0000000-0000-0000-0000-000000000012', 'a0000000-0000-0000-0000-000000000001', -1000.00, current_date - 6, 'To savings', 'transfer'),
          ('c0000000-0000-0000-0000-000000000013', 'a0000000-0000-0000-0000-000000000002', 1000.00, current_date - 6, 'From checking', 'transfer'),
          ('c0000000-0000-0000-0000-000000000014', 'a0000000-0000-0000-0000-000000000007', -77.77, current_date - 1, 'Elsewhere', 'dining');

        INSERT INTO financial_goals (id, user_id, type, title, target_amount, current_amount, target_date, priority) VALUES
          ('d0000000-0000-0000-0000-000000000001', '\(userID)', 'emergency_fund', 'Six months of expenses', 20000.00, 12500.50, '2027-06-30', 1);
        """
    }
}
