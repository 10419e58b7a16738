import Coach
import FinanceEngine
import PlutusWire
import RPCCore
import RPCTransport

/// A person's context built by hand, with figures easy to check: $4,000 a month in, a card at
/// 22.99%, a student loan at 5.5%, savings, two funds and one goal.
enum Person {
    static let userID = "0e8a7c3e-5d7b-4f0e-9a1c-2b3c4d5e6f70"
    static let today = "2026-11-25"

    static let context = UserContext(
        userID: userID, version: 3,
        profile: UserProfile(
            userID: userID, name: "Avery Quinn", birthDate: "1988-04-12", riskTolerance: "moderate",
            annualIncomeCents: 96_000_00, currency: "USD"),
        accounts: [
            Account(id: "acct-checking", type: "checking", name: "Everyday", balanceCents: 5_000_00),
            Account(id: "acct-savings", type: "savings", name: "Rainy day", balanceCents: 2_500_00, aprBps: 410),
            Account(id: "acct-card", type: "credit_card", name: "Visa 4432", balanceCents: 4_200_00, aprBps: 2_299),
            Account(id: "acct-loan", type: "loan", name: "Student loan", balanceCents: 18_000_00, aprBps: 550),
            Account(id: "acct-brokerage", type: "brokerage", name: "Taxable", balanceCents: 30_000_00),
        ],
        holdings: [
            Holding(symbol: "VTI", assetClass: "us_equity", quantityMicros: 100_000_000, priceCents: 250_00, expenseRatioBps: 3),
            Holding(symbol: "ACTIVE", assetClass: "us_equity", quantityMicros: 50_000_000, priceCents: 100_00, expenseRatioBps: 95),
        ],
        transactions: transactions,
        goals: [
            Goal(
                id: "d0000000-0000-0000-0000-000000000001", type: "emergency_fund", title: "Six months of expenses",
                targetAmountCents: 20_000_00, currentAmountCents: 7_500_00, targetDate: "2027-06-30", priority: 1,
                status: "active", source: "host")
        ],
        netWorth: NetWorth(assetsCents: 37_500_00, liabilitiesCents: 22_200_00, netWorthCents: 15_300_00),
        portfolio: PortfolioSummary(valueCents: 30_000_00, weightedExpenseRatioCentibps: 18_333),
        cashFlow: CashFlow(
            days: 90, incomeCents: 12_000_00, spendingCents: 8_100_00, netCents: 3_900_00, savingsRateBps: 3_250,
            spendingByCategory: [CategoryTotal(category: "housing", amountCents: 4_500_00)]))

    /// The names a reply may quote: accounts and goals.
    static var names: [String] { context.accounts.map(\.name) + context.goals.map(\.title) }

    /// Three months of pay, rent, groceries and a streaming subscription.
    static var transactions: [Transaction] {
        var rows: [Transaction] = []
        for (index, month) in ["2026-08", "2026-09", "2026-10"].enumerated() {
            rows.append(Transaction(id: "pay-\(index)", accountID: "acct-checking", amountCents: 4_000_00, date: "\(month)-01", merchant: "Employer", category: "income"))
            rows.append(Transaction(id: "rent-\(index)", accountID: "acct-checking", amountCents: -1_500_00, date: "\(month)-03", merchant: "Landlord", category: "housing"))
            rows.append(Transaction(id: "food-\(index)", accountID: "acct-card", amountCents: -(600_00 + Int64(index) * 150_00), date: "\(month)-10", merchant: "Grocer", category: "groceries"))
            rows.append(Transaction(id: "tv-\(index)", accountID: "acct-card", amountCents: -15_49, date: "\(month)-15", merchant: "Netflix", category: "entertainment"))
            rows.append(Transaction(id: "fun-\(index)", accountID: "acct-card", amountCents: -(300_00 - Int64(index) * 50_00), date: "\(month)-20", merchant: "Bistro", category: "dining"))
        }
        return rows
    }

    static func request(_ message: String, route: Route = .unspecified, pending: [Goal] = [], history: [ChatTurn] = [])
        -> AgentRequest
    {
        AgentRequest(
            conversationID: "c0ffee00-0000-4000-8000-000000000001", userID: userID, message: message, history: history,
            context: context, route: route, pendingGoals: pending, today: today)
    }

    /// An in-process caller serving all four agents over the offline engine.
    static func agents() -> InProcessRPCCaller {
        var router = RPCRouter()
        let provider = OfflineLanguageProvider()
        ConversationAgent(provider: provider).register(on: &router)
        FinancialAgent(provider: provider).register(on: &router)
        GoalAgent(provider: provider).register(on: &router)
        RecommendationAgent(provider: provider).register(on: &router)
        return InProcessRPCCaller(router: router)
    }
}
