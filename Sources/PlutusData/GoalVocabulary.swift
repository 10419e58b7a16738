/// The goal types and statuses the schema allows: the `CHECK`s on `financial_goals` and
/// `plutus_goals`, and DESIGN.md's list. Code that validates a goal before it reaches SQL asks here.
public enum GoalVocabulary {
    public static let types = [
        "emergency_fund", "retirement", "home_purchase", "debt_payoff", "education", "vehicle", "travel", "wedding",
        "investment", "other",
    ]
    public static let statuses = ["active", "achieved", "paused", "abandoned"]
}
