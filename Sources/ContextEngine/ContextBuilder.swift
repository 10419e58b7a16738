import Foundation
public import PlutusData
public import PlutusWire
public import Postgres

/// Builds a user's context from PostgreSQL: the queries of ``ContextQueries``, turned into a
/// ``UserContext``. It runs on the connection it is given, inside whatever transaction the
/// caller holds, so a new version can be built from writes not yet committed.
public struct ContextBuilder: Sendable {
    private let queries: ContextQueries
    private let cipher: DataCipher
    /// The window of the cash-flow figures.
    public static let cashFlowDays = 90

    public init(hostTables: HostTables, cipher: DataCipher) {
        self.queries = ContextQueries(hostTables: hostTables)
        self.cipher = cipher
    }

    /// The context of `userID` as the data stands on `connection`.
    ///
    /// The queries go out together and come back in one round trip (a pipeline).
    /// - Parameter ownSnapshot: run them in a read-only transaction of their own, so every figure
    ///   comes from the same snapshot; `false` inside a transaction the caller holds.
    /// - Throws: ``ContextEngineError/unknownUser(_:)``, or the database's error.
    public func build(userID: String, on connection: PostgresConnection, ownSnapshot: Bool = false) async throws
        -> UserContext
    {
        let user = PostgresBinding(userID)
        let days = PostgresBinding(Self.cashFlowDays)
        let statements = [
            (queries.profile, [user]), (queries.accounts, [user]), (queries.holdings, [user]),
            (queries.portfolio, [user]), (queries.cashFlow, [user, days]), (queries.recentTransactions, [user]),
            (queries.goals, [user]), (queries.insights, [user]), (queries.conversations, [user]),
            (queries.preferences, [user]),
        ].map { PostgresQuery(sql: $0.0, bindings: $0.1) }
        var results: ArraySlice<PostgresRows>
        if ownSnapshot {
            let all = try await connection.pipeline(
                ["BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"] + statements + ["COMMIT"])
            results = all.dropFirst().dropLast()
        } else {
            results = try await connection.pipeline(statements)[...]
        }
        func next() -> PostgresRows { results.removeFirst() }

        guard let profileRow = next().first else { throw ContextEngineError.unknownUser(userID) }
        var context = UserContext(userID: userID, builtAtUnixMs: Int64(Date().timeIntervalSince1970 * 1000))
        context.version = try profileRow.decode("version")
        context.profile = UserProfile(
            userID: userID, name: try profileRow.decode("name"), birthDate: try profileRow.decode("birth_date"),
            riskTolerance: try profileRow.decode("risk_tolerance"),
            annualIncomeCents: try profileRow.decode("annual_income_cents"), currency: try profileRow.decode("currency"))

        let accounts = next()
        context.accounts = try accounts.map { row in
            Account(
                id: try row.decode("id"), type: try row.decode("type"), name: try row.decode("name"),
                institution: try row.decode("institution"), currency: try row.decode("currency"),
                balanceCents: try row.decode("balance_cents"), availableCents: try row.decode("available_cents"),
                aprBps: try row.decode("apr_bps", as: Int32?.self), asOfUnixMs: try row.decode("as_of_unix_ms"))
        }
        let assets: Int64 = try accounts.first?.decode("assets_cents") ?? 0
        let liabilities: Int64 = try accounts.first?.decode("liabilities_cents") ?? 0
        context.netWorth = NetWorth(assetsCents: assets, liabilitiesCents: liabilities, netWorthCents: assets - liabilities)

        context.holdings = try next().map { row in
            Holding(
                symbol: try row.decode("symbol"), assetClass: try row.decode("asset_class"),
                quantityMicros: try row.decode("quantity_micros"), priceCents: try row.decode("price_cents"),
                costBasisCents: try row.decode("cost_basis_cents"), expenseRatioBps: try row.decode("expense_ratio_bps"),
                accountID: try row.decode("account_id"), currency: try row.decode("currency"))
        }
        context.portfolio = try portfolio(next())
        context.cashFlow = try cashFlow(next())
        context.transactions = try next().map { row in
            Transaction(
                id: try row.decode("id"), accountID: try row.decode("account_id"),
                amountCents: try row.decode("amount_cents"), date: try row.decode("posted_on"),
                merchant: try row.decode("merchant"), category: try row.decode("category"))
        }
        context.goals = try next().map { row in
            Goal(
                id: try row.decode("id"), type: try row.decode("type"), title: try row.decode("title"),
                targetAmountCents: try row.decode("target_amount_cents", as: Int64?.self),
                currentAmountCents: try row.decode("current_amount_cents"), targetDate: try row.decode("target_date"),
                priority: try row.decode("priority"), status: try row.decode("status"),
                progressBps: try row.decode("progress_bps"), source: try row.decode("source"))
        }
        context.insights = try next().map { row in
            let id: String = try row.decode("id")
            let sealed = DataCipher.Sealed(bytes: try row.decode("content_sealed"), keyID: try row.decode("content_key_id"))
            return Insight(
                id: id, type: try row.decode("type"),
                content: try cipher.openText(sealed, context: SealedColumns.insightContent(insightID: id)),
                confidence: try row.decode("confidence"), source: try row.decode("source"),
                extractedAtUnixMs: try row.decode("extracted_at_unix_ms"))
        }
        context.conversations = try next().map { row in
            let id: String = try row.decode("id")
            var summary = ""
            if let bytes = try row.decode("summary_sealed", as: [UInt8]?.self) {
                let sealed = DataCipher.Sealed(bytes: bytes, keyID: try row.decode("summary_key_id"))
                summary = try cipher.openText(sealed, context: SealedColumns.conversationSummary(conversationID: id))
            }
            return ConversationSummary(
                conversationID: id, title: try row.decode("title"), summary: summary,
                startedAtUnixMs: try row.decode("started_at_unix_ms"), endedAtUnixMs: try row.decode("ended_at_unix_ms"))
        }
        context.preferences = try next().map {
            Preference(key: try $0.decode("key"), value: try $0.decode("value"))
        }
        return context
    }

    private func portfolio(_ rows: PostgresRows) throws -> PortfolioSummary {
        guard let first = rows.first else { return PortfolioSummary() }
        let value: Int64 = try first.decode("total_value_cents")
        let costBasis: Int64 = try first.decode("total_cost_basis_cents")
        return PortfolioSummary(
            valueCents: value, costBasisCents: costBasis, unrealizedGainCents: value - costBasis,
            weightedExpenseRatioCentibps: try first.decode("expense_ratio_centibps"),
            annualFeesCents: try first.decode("annual_fees_cents"),
            allocation: try rows.map { row in
                AllocationSlice(
                    assetClass: try row.decode("asset_class"), valueCents: try row.decode("value_cents"),
                    shareBps: try row.decode("share_bps"))
            })
    }

    private func cashFlow(_ rows: PostgresRows) throws -> CashFlow {
        guard let first = rows.first else { return CashFlow(days: Int32(Self.cashFlowDays)) }
        let income: Int64 = try first.decode("income_cents")
        let spending: Int64 = try first.decode("spending_cents")
        return CashFlow(
            days: Int32(Self.cashFlowDays), incomeCents: income, spendingCents: spending, netCents: income - spending,
            savingsRateBps: try first.decode("savings_rate_bps", as: Int32?.self),
            spendingByCategory: try rows.compactMap { row in
                guard let category = try row.decode("category", as: String?.self) else { return nil }
                return CategoryTotal(category: category, amountCents: try row.decode("amount_cents"))
            })
    }
}
