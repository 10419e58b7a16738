import Foundation
import PlutusWire

// The context endpoints' bodies, as DESIGN.md's HTTP table names them. Money is a JSON number in
// the account's currency (exact, from cents); rates and shares are percents.

/// `GET /context/current`.
struct ContextJSON: Encodable, Sendable {
    let version: Int64
    let userProfile: ProfileJSON
    let financialState: FinancialStateJSON
    let goals: [GoalJSON]
    let insights: [InsightJSON]

    init(_ context: UserContext) {
        version = context.version
        userProfile = ProfileJSON(context.profile ?? UserProfile())
        financialState = FinancialStateJSON(context)
        goals = context.goals.map(GoalJSON.init)
        insights = context.insights.map(InsightJSON.init)
    }

    enum CodingKeys: String, CodingKey {
        case version, goals, insights
        case userProfile = "user_profile"
        case financialState = "financial_state"
    }
}

struct ProfileJSON: Encodable, Sendable {
    let userID: String
    let name: String
    let birthDate: String
    let riskTolerance: String
    let annualIncome: FixedPoint
    let currency: String

    init(_ profile: UserProfile) {
        userID = profile.userID
        name = profile.name
        birthDate = profile.birthDate
        riskTolerance = profile.riskTolerance
        annualIncome = FixedPoint.cents(profile.annualIncomeCents)
        currency = profile.currency
    }

    enum CodingKeys: String, CodingKey {
        case name, currency
        case userID = "user_id"
        case birthDate = "birth_date"
        case riskTolerance = "risk_tolerance"
        case annualIncome = "annual_income"
    }
}

struct FinancialStateJSON: Encodable, Sendable {
    struct AccountJSON: Encodable, Sendable {
        let id: String
        let type: String
        let name: String
        let institution: String
        let currency: String
        let balance: FixedPoint
        let available: FixedPoint
        let apr: FixedPoint?
        let asOf: String

        init(_ account: Account) {
            id = account.id
            type = account.type
            name = account.name
            institution = account.institution
            currency = account.currency
            balance = FixedPoint.cents(account.balanceCents)
            available = FixedPoint.cents(account.availableCents)
            apr = account.aprBps.map { FixedPoint.percent(basisPoints: Int64($0)) }
            asOf = Timestamp.iso(Date(timeIntervalSince1970: Double(account.asOfUnixMs) / 1000))
        }

        enum CodingKeys: String, CodingKey {
            case id, type, name, institution, currency, balance, available, apr
            case asOf = "as_of"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(type, forKey: .type)
            try container.encode(name, forKey: .name)
            try container.encode(institution, forKey: .institution)
            try container.encode(currency, forKey: .currency)
            try container.encode(balance, forKey: .balance)
            try container.encode(available, forKey: .available)
            try container.encode(apr, forKey: .apr)  // null: the account has no rate
            try container.encode(asOf, forKey: .asOf)
        }
    }

    struct PortfolioJSON: Encodable, Sendable {
        struct Slice: Encodable, Sendable {
            let assetClass: String
            let value: FixedPoint
            let share: FixedPoint

            enum CodingKeys: String, CodingKey {
                case value, share
                case assetClass = "asset_class"
            }
        }

        struct HoldingJSON: Encodable, Sendable {
            let symbol: String
            let assetClass: String
            let quantity: FixedPoint
            let price: FixedPoint
            let costBasis: FixedPoint
            let expenseRatio: FixedPoint
            let accountID: String

            init(_ holding: Holding) {
                symbol = holding.symbol
                assetClass = holding.assetClass
                quantity = FixedPoint(units: holding.quantityMicros, places: 6)
                price = FixedPoint.cents(holding.priceCents)
                costBasis = FixedPoint.cents(holding.costBasisCents)
                expenseRatio = FixedPoint.percent(basisPoints: Int64(holding.expenseRatioBps))
                accountID = holding.accountID
            }

            enum CodingKeys: String, CodingKey {
                case symbol, quantity, price
                case assetClass = "asset_class"
                case costBasis = "cost_basis"
                case expenseRatio = "expense_ratio"
                case accountID = "account_id"
            }
        }

        let value: FixedPoint
        let costBasis: FixedPoint
        let unrealizedGain: FixedPoint
        let weightedExpenseRatio: FixedPoint
        let annualFees: FixedPoint
        let allocation: [Slice]
        let holdings: [HoldingJSON]

        init(_ summary: PortfolioSummary, holdings: [Holding]) {
            value = FixedPoint.cents(summary.valueCents)
            costBasis = FixedPoint.cents(summary.costBasisCents)
            unrealizedGain = FixedPoint.cents(summary.unrealizedGainCents)
            weightedExpenseRatio = FixedPoint(units: Int64(summary.weightedExpenseRatioCentibps), places: 4)
            annualFees = FixedPoint.cents(summary.annualFeesCents)
            allocation = summary.allocation.map {
                Slice(assetClass: $0.assetClass, value: FixedPoint.cents($0.valueCents), share: FixedPoint.percent(basisPoints: Int64($0.shareBps)))
            }
            self.holdings = holdings.map(HoldingJSON.init)
        }

        enum CodingKeys: String, CodingKey {
            case value, allocation, holdings
            case costBasis = "cost_basis"
            case unrealizedGain = "unrealized_gain"
            case weightedExpenseRatio = "weighted_expense_ratio"
            case annualFees = "annual_fees"
        }
    }

    struct CashFlowJSON: Encodable, Sendable {
        struct Category: Encodable, Sendable {
            let category: String
            let amount: FixedPoint
        }

        let days: Int
        let income: FixedPoint
        let spending: FixedPoint
        let net: FixedPoint
        let savingsRate: FixedPoint?
        let spendingByCategory: [Category]

        init(_ flow: CashFlow) {
            days = Int(flow.days)
            income = FixedPoint.cents(flow.incomeCents)
            spending = FixedPoint.cents(flow.spendingCents)
            net = FixedPoint.cents(flow.netCents)
            savingsRate = flow.savingsRateBps.map { FixedPoint.percent(basisPoints: Int64($0)) }
            spendingByCategory = flow.spendingByCategory.map { Category(category: $0.category, amount: FixedPoint.cents($0.amountCents)) }
        }

        enum CodingKeys: String, CodingKey {
            case days, income, spending, net
            case savingsRate = "savings_rate"
            case spendingByCategory = "spending_by_category"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(days, forKey: .days)
            try container.encode(income, forKey: .income)
            try container.encode(spending, forKey: .spending)
            try container.encode(net, forKey: .net)
            try container.encode(savingsRate, forKey: .savingsRate)  // null without income
            try container.encode(spendingByCategory, forKey: .spendingByCategory)
        }
    }

    let netWorth: FixedPoint
    let totalAssets: FixedPoint
    let totalLiabilities: FixedPoint
    let accounts: [AccountJSON]
    let portfolio: PortfolioJSON
    let cashFlow: CashFlowJSON

    init(_ context: UserContext) {
        let worth = context.netWorth ?? NetWorth()
        netWorth = FixedPoint.cents(worth.netWorthCents)
        totalAssets = FixedPoint.cents(worth.assetsCents)
        totalLiabilities = FixedPoint.cents(worth.liabilitiesCents)
        accounts = context.accounts.map(AccountJSON.init)
        portfolio = PortfolioJSON(context.portfolio ?? PortfolioSummary(), holdings: context.holdings)
        cashFlow = CashFlowJSON(context.cashFlow ?? CashFlow())
    }

    enum CodingKeys: String, CodingKey {
        case accounts, portfolio
        case netWorth = "net_worth"
        case totalAssets = "total_assets"
        case totalLiabilities = "total_liabilities"
        case cashFlow = "cash_flow"
    }
}

/// An insight, in `GET /insights` and the context.
struct InsightJSON: Encodable, Sendable {
    let id: String
    let type: String
    let content: String
    let confidence: Double
    let source: String
    let extractedAt: String

    init(_ insight: Insight) {
        id = insight.id
        type = insight.type
        content = insight.content
        confidence = insight.confidence
        source = insight.source
        extractedAt = Timestamp.iso(Date(timeIntervalSince1970: Double(insight.extractedAtUnixMs) / 1000))
    }

    enum CodingKeys: String, CodingKey {
        case id, type, content, confidence, source
        case extractedAt = "extracted_at"
    }
}

struct ContextHistoryJSON: Encodable, Sendable {
    struct Version: Encodable, Sendable {
        let version: Int64
        let createdAt: String
        let reason: String

        enum CodingKeys: String, CodingKey {
            case version, reason
            case createdAt = "created_at"
        }
    }

    let versions: [Version]

    init(_ history: ContextHistory) {
        versions = history.versions.map {
            Version(
                version: $0.version, createdAt: Timestamp.iso(Date(timeIntervalSince1970: Double($0.createdAtUnixMs) / 1000)),
                reason: $0.reason)
        }
    }
}

struct ContextVersionJSON: Encodable, Sendable {
    let version: Int64
}

struct InsightsJSON: Encodable, Sendable {
    let insights: [InsightJSON]
}

struct RecommendationsJSON: Encodable, Sendable {
    let recommendations: [RecommendationJSON]
    let disclaimer: String
}
