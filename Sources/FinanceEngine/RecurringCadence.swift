/// How often a recurring charge comes round.
public enum RecurringCadence: String, Hashable, Sendable, CaseIterable {
    case weekly
    case biweekly
    case monthly
    case quarterly
    case annual

    /// The days between two charges that still count as this cadence (months run 28–31 days, and
    /// a charge may slip a few days for weekends and holidays).
    public var dayRange: ClosedRange<Int> {
        switch self {
        case .weekly: 6...8
        case .biweekly: 13...15
        case .monthly: 25...35
        case .quarterly: 84...98
        case .annual: 350...380
        }
    }

    /// Charges a year: 52, 26, 12, 4, 1.
    public var occurrencesPerYear: Int {
        switch self {
        case .weekly: 52
        case .biweekly: 26
        case .monthly: 12
        case .quarterly: 4
        case .annual: 1
        }
    }

    /// The fewest charges that establish the pattern: 3, except 2 for annual ones.
    public var minimumOccurrences: Int { self == .annual ? 2 : 3 }

    /// When the charge after one on `date` is due.
    public func next(after date: CivilDate) -> CivilDate {
        switch self {
        case .weekly: date.adding(days: 7)
        case .biweekly: date.adding(days: 14)
        case .monthly: date.adding(months: 1)
        case .quarterly: date.adding(months: 3)
        case .annual: date.adding(months: 12)
        }
    }

    /// The cadence whose range holds every one of `intervals` (days), if there is one.
    static func matching(intervals: [Int]) -> RecurringCadence? {
        allCases.first { cadence in intervals.allSatisfy { cadence.dayRange.contains($0) } }
    }
}
