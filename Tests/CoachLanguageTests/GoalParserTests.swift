import CoachLanguage
import FinanceEngine
import Testing

@Suite("Goal parser")
struct GoalParserTests {
    static let today = CivilDate(year: 2026, month: 11, day: 25)!

    private func goals(_ text: String) -> [GoalMention] { GoalParser.goals(in: text, today: Self.today) }

    @Test func readsTheWeddingGoal() throws {
        let goal = try #require(goals("I want to save $20,000 for a wedding by June 2028").first)
        #expect(goal.type == .wedding)
        #expect(goal.title == "Wedding")
        #expect(goal.targetCents == 2_000_000)
        #expect(goal.targetDate == CivilDate(year: 2028, month: 6, day: 30))
        #expect(goal.missingFields.isEmpty)
    }

    /// (text, kind, title)
    static let kinds: [(String, GoalKind, String)] = [
        ("I want to build an emergency fund", .emergencyFund, "Emergency fund"),
        ("saving up a rainy day fund", .emergencyFund, "Rainy day fund"),
        ("I'd like to retire by 60", .retirement, "Retirement"),
        ("we want to retire early", .retirement, "Early retirement"),
        ("we're saving for a down payment on a house", .homePurchase, "Down payment on a home"),
        ("I want to buy a condo", .homePurchase, "Buy a condo"),
        ("I need to pay off my student loans", .debtPayoff, "Pay off student loans"),
        ("get rid of my credit card debt", .debtPayoff, "Pay off credit card debt"),
        ("I want to pay off my car", .debtPayoff, "Pay off car loan"),
        ("paying off the mortgage early", .debtPayoff, "Pay off mortgage"),
        ("start a college fund for my daughter", .education, "College fund"),
        ("save for my kids' education", .education, "Kids' education"),
        ("I want a new car next year", .vehicle, "New car"),
        ("saving for a trip to Japan", .travel, "Trip to Japan"),
        ("plan a vacation in italy next summer", .travel, "Trip to Italy"),
        ("we're getting married next year", .wedding, "Wedding"),
        ("I want to start investing", .investment, "Start investing"),
        ("I want to start a business", .other, "Start a business"),
        ("save $3,000 for a new couch", .other, "New couch"),
        ("I want to save $10k by next year", .other, "Savings goal"),
        ("quiero ahorrar para comprar una casa", .homePurchase, "Buy a home"),
        ("je veux épargner pour mon mariage", .wedding, "Wedding"),
        ("Ich möchte für ein Auto sparen", .vehicle, "New car"),
        ("quero economizar para a aposentadoria", .retirement, "Retirement"),
        ("voglio risparmiare per un viaggio", .travel, "Travel"),
        ("I want to save for my retirment", .retirement, "Retirement"),
        ("trying to pay off my morgage", .debtPayoff, "Pay off mortgage"),
        ("need an emergancy fund", .emergencyFund, "Emergency fund"),
        ("i want to sav for a new car", .vehicle, "New car"),
    ]

    @Test(arguments: kinds)
    func recognises(text: String, kind: GoalKind, title: String) throws {
        let found = goals(text)
        let goal = try #require(found.first, "no goal in \(text)")
        #expect(found.count == 1, "\(found.map(\.title))")
        #expect(goal.type == kind)
        #expect(goal.title == title)
    }

    @Test(arguments: [
        "I don't want to buy a house", "not planning to retire early", "I never want to get married",
        "no quiero comprar una casa", "Ich will kein Haus kaufen", "my car broke down yesterday",
        "what's my net worth", "the house next door sold",
    ])
    func findsNoGoalIn(text: String) {
        #expect(goals(text).isEmpty, "\(goals(text).map(\.title))")
    }

    @Test func keepsSeveralGoalsApart() throws {
        let found = goals(
            "I want to save $20k for a wedding next year and $60,000 for a down payment by 2030, "
                + "and eventually retire early")
        try #require(found.count == 3)
        #expect(found.map(\.type) == [.wedding, .homePurchase, .retirement])
        #expect(found.map(\.targetCents) == [2_000_000, 6_000_000, nil])
        #expect(found.map { $0.targetDate?.description } == ["2027-12-31", "2030-12-31", nil])
        #expect(found[2].priority == 3)
        #expect(found[2].missingFields == ["target_amount", "target_date"])
    }

    @Test func dropsOnlyTheNegatedGoal() {
        let found = goals("I don't want to buy a house, but I want to pay off my credit card by March")
        #expect(found.map(\.type) == [.debtPayoff])
        #expect(found.first?.targetDate == CivilDate(year: 2027, month: 3, day: 31))
    }

    @Test func readsAContributionApartFromTheTarget() throws {
        let goal = try #require(goals("I can put $500 a month toward a $30k down payment").first)
        #expect(goal.type == .homePurchase)
        #expect(goal.targetCents == 3_000_000)
        #expect(goal.monthlyContributionCents == 50_000)
    }

    @Test func takesTheLargestAmountAsTheTarget() throws {
        let goal = try #require(goals("I have $5k saved and need $20k for the wedding").first)
        #expect(goal.targetCents == 2_000_000)
    }

    @Test func attachesDetailsFromTheNextSentence() throws {
        let goal = try #require(goals("We want to buy a house. We need about $80k, ideally in 3 years.").first)
        #expect(goal.targetCents == 8_000_000)
        #expect(goal.targetDate == CivilDate(year: 2029, month: 11, day: 25))
    }

    @Test(arguments: [
        ("Paying off my credit card is my top priority", 1), ("the wedding is most important", 1),
        ("someday I'd love to buy a house", 3), ("eventually, I want to retire early", 3),
        ("I want to save for a car", nil),
    ])
    func readsPriority(text: String, priority: Int?) throws {
        let goal = try #require(goals(text).first)
        #expect(goal.priority == priority)
    }

    @Test func readsADownPaymentShare() throws {
        let goal = try #require(goals("I need 20% down on a $400k house by 2029").first)
        #expect(goal.title == "Down payment on a home")
        #expect(goal.targetCents == 8_000_000)
    }

    @Test func ignoresPastDates() throws {
        let goal = try #require(goals("I wanted to buy a house by 2020").first)
        #expect(goal.targetDate == nil)
    }

    @Test func rawValuesMatchTheAPI() {
        #expect(
            GoalKind.allCases.map(\.rawValue) == [
                "emergency_fund", "retirement", "home_purchase", "debt_payoff", "education", "vehicle", "travel",
                "wedding", "investment", "other",
            ])
    }
}
