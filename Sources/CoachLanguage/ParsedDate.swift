public import FinanceEngine

/// How precisely a person named a date.
public enum DatePrecision: String, Hashable, Sendable {
    /// A day: "2028-06-01", "June 5", "by Christmas", "in 3 weeks".
    case day
    /// A month: "by June 2028", "06/2028", "in 18 months".
    case month
    /// A year: "by 2030", "next year", "in five years".
    case year
    /// A season: "next summer".
    case season
}

/// A date found in a message, resolved to a calendar day.
public struct ParsedDate: Hashable, Sendable {
    /// The day the text means (see ``DateParser`` for how months, years and seasons become a day).
    public var date: CivilDate
    /// How precisely the text named it.
    public var precision: DatePrecision
    /// The characters matched, as typed.
    public var text: String
    /// Where ``text`` is in the message.
    public var range: Range<String.Index>
    /// Whether the date is before `today`: a past date is not a target.
    public var isPast: Bool

    /// A date; ``DateParser`` is the usual source of these.
    public init(date: CivilDate, precision: DatePrecision, text: String, range: Range<String.Index>, isPast: Bool) {
        self.date = date
        self.precision = precision
        self.text = text
        self.range = range
        self.isPast = isPast
    }
}
