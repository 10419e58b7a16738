/// How often a recurring amount comes: "$250/month", "500 a week", "6k a year".
public enum AmountRate: String, Hashable, Sendable, CaseIterable {
    case week
    case month
    case year
}

/// A sum of money (or a plain quantity) found in a message.
public struct ParsedAmount: Hashable, Sendable {
    /// The value in hundredths: "$20k" is 2,000,000.
    public var cents: Int64
    /// Whether the text marks it as money: a currency symbol, code or word ("$", "EUR", "bucks"), or the money-only
    /// shorthands "k" and "grand". "20 thousand" and "1.2 million" alone are amounts but not marked as money.
    public var isCurrency: Bool
    /// The ISO 4217 code when the text names one: "$" and "dollars" are USD, "€" EUR, "£" and "quid" GBP.
    public var currency: String?
    /// Set when the amount recurs ("$250/month", "500 a month"): a contribution or a bill, not a total.
    public var per: AmountRate?
    /// The characters matched, as typed.
    public var text: String
    /// Where ``text`` is in the message.
    public var range: Range<String.Index>

    /// An amount; ``AmountParser`` is the usual source of these.
    public init(
        cents: Int64, isCurrency: Bool, currency: String? = nil, per: AmountRate? = nil, text: String,
        range: Range<String.Index>
    ) {
        self.cents = cents
        self.isCurrency = isCurrency
        self.currency = currency
        self.per = per
        self.text = text
        self.range = range
    }

    /// The amount per month when it recurs: a year's divided by 12, a week's times 52/12, rounded to the cent.
    public var monthlyCents: Int64? {
        switch per {
        case .month: cents
        case .year: Int64((Double(cents) / 12).rounded())
        case .week: Int64((Double(cents) * 52 / 12).rounded())
        case nil: nil
        }
    }
}

/// A percentage found in a message: "3.5%", "7 percent", "20 por ciento".
public struct ParsedPercentage: Hashable, Sendable {
    /// The percentage as written: 3.5 for "3.5%".
    public var value: Double
    /// The characters matched, as typed.
    public var text: String
    /// Where ``text`` is in the message.
    public var range: Range<String.Index>

    /// A percentage; ``AmountParser`` is the usual source of these.
    public init(value: Double, text: String, range: Range<String.Index>) {
        self.value = value
        self.text = text
        self.range = range
    }
}
