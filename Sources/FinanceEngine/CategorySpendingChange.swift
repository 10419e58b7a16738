/// How one category's spending moved from one month to the next.
public struct CategorySpendingChange: Hashable, Sendable {
    /// The category, in ``CategoryRules/normalize(_:)`` form.
    public let category: String
    /// The later month (its first day).
    public let month: CivilDate
    /// Spent in ``month``.
    public let spentCents: Int64
    /// Spent in the month before.
    public let previousCents: Int64

    /// ``spentCents`` − ``previousCents``: positive when spending rose.
    public var changeCents: Int64 { spentCents - previousCents }

    /// The change as a fraction of the month before (0.25 = 25 % more); `nil` when nothing was spent then.
    public var relativeChange: Double? {
        previousCents == 0 ? nil : Double(changeCents) / Double(previousCents)
    }
}
