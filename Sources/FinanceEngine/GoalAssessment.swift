/// A savings goal's outlook as of one day: where it is headed, whether that is enough, and what
/// would be.
public struct GoalAssessment: Hashable, Sendable {
    /// The goal assessed.
    public let goal: SavingsGoal
    /// The day the assessment is for: months are counted from it.
    public let asOf: CivilDate
    /// Whole months from ``asOf`` to the target date (≤ 0 once it has passed); `nil` without a date.
    public let monthsRemaining: Int?
    /// The balance projected at the target date; the current balance without a date or once it has passed.
    public let projectedCents: Int64
    /// How far the projection falls short of the target; 0 when it does not.
    public let shortfallCents: Int64
    /// The monthly contribution that meets the target by its date; `nil` without a date or once it has passed.
    public let requiredMonthlyContributionCents: Int64?
    /// Months until the target is reached at the current pace; `nil` when it never is.
    public let monthsToReach: Int?
    /// The status; without a date, ``GoalStatus/onTrack`` if the pace ever gets there and
    /// ``GoalStatus/offTrack`` if not.
    public let status: GoalStatus

    /// The month the target is reached at the current pace.
    public var projectedCompletionDate: CivilDate? { monthsToReach.map { asOf.adding(months: $0) } }
    /// The share of the target saved so far (1 = fully funded).
    public var fundedShare: Double { goal.targetCents > 0 ? Double(goal.currentCents) / Double(goal.targetCents) : 1 }

    init(goal: SavingsGoal, asOf today: CivilDate) {
        self.goal = goal
        asOf = today
        let months = goal.targetDate.map { today.months(until: $0) }
        monthsRemaining = months
        projectedCents = GoalFeasibility.projectedBalanceCents(
            currentCents: goal.currentCents, monthlyContributionCents: goal.monthlyContributionCents,
            annualReturn: goal.annualReturn, months: months ?? 0)
        shortfallCents = max(goal.targetCents - projectedCents, 0)
        requiredMonthlyContributionCents = months.flatMap {
            GoalFeasibility.requiredMonthlyContributionCents(
                targetCents: goal.targetCents, currentCents: goal.currentCents, annualReturn: goal.annualReturn,
                months: $0)
        }
        monthsToReach = GoalFeasibility.monthsToReach(
            targetCents: goal.targetCents, currentCents: goal.currentCents,
            monthlyContributionCents: goal.monthlyContributionCents, annualReturn: goal.annualReturn)
        status = Self.status(
            goal: goal, projectedCents: projectedCents, monthsRemaining: months, monthsToReach: monthsToReach)
    }

    private static func status(
        goal: SavingsGoal, projectedCents: Int64, monthsRemaining: Int?, monthsToReach: Int?
    ) -> GoalStatus {
        if goal.currentCents >= goal.targetCents { return .achieved }
        guard let monthsRemaining else { return monthsToReach == nil ? .offTrack : .onTrack }
        guard monthsRemaining > 0 else { return .offTrack }
        return GoalStatus(
            currentCents: goal.currentCents, projectedCents: projectedCents, targetCents: goal.targetCents)
    }
}
