/// The kinds of goal Plutus tracks; raw values are the API's `type` strings.
public enum GoalKind: String, Hashable, Sendable, CaseIterable, Codable {
    /// Months of expenses set aside: "emergency fund", "rainy day fund".
    case emergencyFund = "emergency_fund"
    /// "retire", "retire early", "financial independence".
    case retirement
    /// "buy a house", "down payment", "first home".
    case homePurchase = "home_purchase"
    /// "pay off my student loans", "credit card debt", "debt free".
    case debtPayoff = "debt_payoff"
    /// "college fund", "kids' education", "grad school".
    case education
    /// "new car", "buy a truck".
    case vehicle
    /// "trip to Japan", "vacation", "honeymoon".
    case travel
    /// "wedding", "get married", "engagement ring".
    case wedding
    /// "start investing", "build wealth", "passive income".
    case investment
    /// Anything else saved for: "start a business", "a new couch".
    case other

    /// The title a goal of this kind gets when nothing more specific was said.
    public var defaultTitle: String {
        switch self {
        case .emergencyFund: "Emergency fund"
        case .retirement: "Retirement"
        case .homePurchase: "Buy a home"
        case .debtPayoff: "Pay off debt"
        case .education: "Education"
        case .vehicle: "New car"
        case .travel: "Travel"
        case .wedding: "Wedding"
        case .investment: "Investing"
        case .other: "Savings goal"
        }
    }
}
