import ContextEngine
import PlutusWire
import Postgres
import Testing

/// The figures of the hand-built household, worked out by hand, to the cent.
@Suite struct ContextFigureTests {
    @Test func netWorthIsAssetsLessLiabilitiesFromTheLatestBalances() async throws {
        try await Household.with { household in
            let context = try await household.engine().context(of: household.userID)
            // Assets: 5,000.00 checking (the newer balance) + 12,500.50 + 30,000.00 + 45,000.00.
            // Liabilities: 1,234.56 card + 18,000.00 loan.
            #expect(context.netWorth == NetWorth(assetsCents: 92_500_50, liabilitiesCents: 19_234_56, netWorthCents: 73_265_94))
            #expect(context.accounts.count == 6)
            let checking = try #require(context.accounts.first { $0.type == "checking" })
            #expect(checking.balanceCents == 5_000_00)
            #expect(checking.availableCents == 4_800_00)
            #expect(checking.aprBps == nil)
            #expect(context.accounts.first { $0.type == "credit_card" }?.aprBps == 2_299)
            #expect(context.accounts.first { $0.type == "savings" }?.aprBps == 410)
        }
    }

    @Test func portfolioValueAllocationGainAndFees() async throws {
        try await Household.with { household in
            let portfolio = try #require(try await household.engine().context(of: household.userID).portfolio)
            // 25,000.00 + 4,999.05 (80.5 × 62.10) + 14,470.00 + 27,022.14 (150.123 × 180.00).
            #expect(portfolio.valueCents == 71_491_19)
            #expect(portfolio.costBasisCents == 59_500_00)
            #expect(portfolio.unrealizedGainCents == 11_991_19)
            // Σ value × ratio = 750 + 349.9335 + 434.10 + 405.3321 = 1,939.3656 dollars per 100 %:
            // $19.39 a year, a weighted 0.0271 %.
            #expect(portfolio.annualFeesCents == 19_39)
            #expect(portfolio.weightedExpenseRatioCentibps == 271)
            #expect(
                portfolio.allocation == [
                    AllocationSlice(assetClass: "us_equity", valueCents: 52_022_14, shareBps: 7_277),
                    AllocationSlice(assetClass: "bond", valueCents: 14_470_00, shareBps: 2_024),
                    AllocationSlice(assetClass: "intl_equity", valueCents: 4_999_05, shareBps: 699),
                ])
        }
    }

    @Test func cashFlowOverNinetyDaysLeavesOutTransfersAndOlderIncome() async throws {
        try await Household.with { household in
            let cashFlow = try #require(try await household.engine().context(of: household.userID).cashFlow)
            #expect(cashFlow.days == 90)
            #expect(cashFlow.incomeCents == 12_000_00)  // three paychecks; the fourth is 95 days old
            // Rent 4,500.00 + groceries 751.00 + dining 60.00 less a 20.00 refund.
            #expect(cashFlow.spendingCents == 5_291_00)
            #expect(cashFlow.netCents == 6_709_00)
            #expect(cashFlow.savingsRateBps == 5_591)
            #expect(
                cashFlow.spendingByCategory == [
                    CategoryTotal(category: "housing", amountCents: 4_500_00),
                    CategoryTotal(category: "groceries", amountCents: 751_00),
                    CategoryTotal(category: "dining", amountCents: 40_00),
                ])
        }
    }

    @Test func theRecentTransactionsAreTheNewestTwentyOfAllAccounts() async throws {
        try await Household.with { household in
            // 36 more over three accounts, interleaved, several on the same day (the id breaks ties),
            // and the other user's newer ones, which must not show.
            let rows = (0..<36).map { index in
                let account = "a0000000-0000-0000-0000-00000000000\(index % 3 + 1)"
                let id = String(format: "d0000000-0000-0000-0000-%012d", 36 - index)
                return "('\(id)', '\(account)', -\(index + 1).00, current_date - \(index / 4), 'Shop \(index)', 'shopping')"
            } + ["('e0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000007', -1.00, current_date, 'Theirs', 'shopping')"]
            try await household.database.query(
                PostgresQuery(
                    sql: "INSERT INTO transactions (id, account_id, amount, posted_on, merchant, category) VALUES "
                        + rows.joined(separator: ", ")))
            let expected = try await household.database.query(
                """
                SELECT t.id::text AS id FROM transactions t JOIN accounts a ON a.id = t.account_id
                WHERE a.user_id = \(household.userID)::uuid ORDER BY t.posted_on DESC, t.id LIMIT 20
                """
            ).map { try $0.decode("id", as: String.self) }
            let context = try await household.engine().context(of: household.userID)
            #expect(context.transactions.map(\.id) == expected)
            #expect(context.transactions.count == 20 && !context.transactions.contains { $0.merchant == "Theirs" })
        }
    }

    @Test func profileGoalsAndHoldingsAreTheUsersOwn() async throws {
        try await Household.with { household in
            let context = try await household.engine().context(of: household.userID)
            #expect(
                context.profile
                    == UserProfile(
                        userID: household.userID, name: "Avery Quinn", birthDate: "1988-04-12", riskTolerance: "moderate",
                        annualIncomeCents: 96_000_00, currency: "USD"))
            #expect(context.version == 0)
            #expect(context.holdings.map(\.symbol) == ["FXAIX", "VTI", "BND", "VXUS"])
            #expect(context.holdings.first?.quantityMicros == 150_123_000)
            #expect(context.holdings.first { $0.symbol == "FXAIX" }?.expenseRatioBps == 2)  // 1.5 bps, rounded
            #expect(context.transactions.count == 13)
            // Newest first: the rent paid three days ago.
            #expect(context.transactions.first?.merchant == "Landlord")
            #expect(context.transactions.first?.amountCents == -1_500_00)
            #expect(context.transactions.last?.merchant == "Employer payroll")  // the one 95 days ago
            let goal = try #require(context.goals.first)
            #expect(goal.title == "Six months of expenses")
            #expect(goal.progressBps == 6_250)  // 12,500.50 of 20,000.00
            #expect(goal.targetAmountCents == 20_000_00)
            #expect(goal.source == "host")
            #expect(!context.memoriesUnavailable)
        }
    }

    @Test func aUserWithNothingHasZeroFigures() async throws {
        try await Household.with { household in
            try await household.database.query("DELETE FROM accounts WHERE user_id = \(household.otherUserID)::uuid")
            let context = try await household.engine().context(of: household.otherUserID)
            #expect(context.netWorth == NetWorth())
            #expect(context.portfolio == PortfolioSummary())
            #expect(context.cashFlow?.incomeCents == 0)
            #expect(context.cashFlow?.savingsRateBps == nil)
            #expect(context.cashFlow?.spendingByCategory == [])
        }
    }

    @Test func unknownAndMalformedUsersAreRefused() async throws {
        try await Household.with { household in
            let engine = household.engine()
            await #expect(throws: ContextEngineError.unknownUser("00000000-0000-0000-0000-000000000000")) {
                try await engine.context(of: "00000000-0000-0000-0000-000000000000")
            }
            for bad in ["", "not-a-uuid", "'; DROP TABLE users; --", "0b9f4a52-3c1e-4d7a-9a55-6f0e2d1c8b0Z"] {
                let error = await #expect(throws: ContextEngineError.self) { try await engine.context(of: bad) }
                #expect(error?.rpcError.status.code == .invalidArgument)
            }
        }
    }
}
