public import FinanceEngine

/// A goal a person talked about, with what they said of it.
public struct GoalMention: Hashable, Sendable {
    /// The goal's kind (the API's `type`).
    public var type: GoalKind
    /// A short human title: "Wedding", "Down payment on a home", "Trip to Japan".
    public var title: String
    /// The amount to reach, in cents, when one was named (a recurring amount is never a target).
    public var targetCents: Int64?
    /// When to reach it (never a past date).
    public var targetDate: CivilDate?
    /// 1 is the highest: "top priority" 1, "important" 2, "eventually"/"someday" 3; `nil` when nothing was said.
    public var priority: Int?
    /// What they mean to put towards it each month: "$500 a month" (weekly and yearly amounts converted).
    public var monthlyContributionCents: Int64?

    /// A goal mention; ``GoalParser`` is the usual source of these.
    public init(
        type: GoalKind, title: String, targetCents: Int64? = nil, targetDate: CivilDate? = nil, priority: Int? = nil,
        monthlyContributionCents: Int64? = nil
    ) {
        self.type = type
        self.title = title
        self.targetCents = targetCents
        self.targetDate = targetDate
        self.priority = priority
        self.monthlyContributionCents = monthlyContributionCents
    }

    /// The API fields still unknown: "target_amount", "target_date".
    public var missingFields: [String] {
        (targetCents == nil ? ["target_amount"] : []) + (targetDate == nil ? ["target_date"] : [])
    }
}
