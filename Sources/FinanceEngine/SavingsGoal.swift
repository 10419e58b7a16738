/// A savings target and how it is being funded: the input to ``GoalFeasibility/assess(_:asOf:)``.
public struct SavingsGoal: Hashable, Sendable {
    /// The amount to reach.
    public var targetCents: Int64
    /// Saved toward it so far.
    public var currentCents: Int64
    /// Added at the end of every month.
    public var monthlyContributionCents: Int64
    /// Expected yearly return on the savings (0.05 = 5 %), compounded monthly (rate / 12 a month).
    public var annualReturn: Double
    /// When it should be reached; `nil` for "some day".
    public var targetDate: CivilDate?

    /// A goal as given; no return and no date unless said.
    public init(
        targetCents: Int64, currentCents: Int64, monthlyContributionCents: Int64, annualReturn: Double = 0,
        targetDate: CivilDate? = nil
    ) {
        self.targetCents = targetCents
        self.currentCents = currentCents
        self.monthlyContributionCents = monthlyContributionCents
        self.annualReturn = annualReturn
        self.targetDate = targetDate
    }
}
