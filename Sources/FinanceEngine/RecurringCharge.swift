/// A charge that repeats: a subscription, a membership, a bill.
public struct RecurringCharge: Hashable, Sendable {
    /// The merchant as it appeared on the latest charge.
    public let merchant: String
    /// The latest charge's category.
    public let category: String
    /// The median charge, as a positive number.
    public let typicalAmountCents: Int64
    /// How often it comes.
    public let cadence: RecurringCadence
    /// How many charges make up the pattern.
    public let occurrences: Int
    /// The earliest charge seen.
    public let firstDate: CivilDate
    /// The latest charge seen.
    public let lastDate: CivilDate

    /// When the next charge is due: one ``cadence`` after the last.
    public var nextExpectedDate: CivilDate { cadence.next(after: lastDate) }

    /// What it costs over a year: the typical amount × charges a year.
    public var annualizedCostCents: Int64 { typicalAmountCents * Int64(cadence.occurrencesPerYear) }

    /// Whether a charge due by `date` never came (more than half a cadence late): likely cancelled.
    public func isLapsed(asOf date: CivilDate) -> Bool {
        nextExpectedDate.days(until: date) > cadence.dayRange.upperBound / 2
    }
}
