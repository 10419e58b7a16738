import Foundation
public import FinanceEngine
public import PlutusWire

/// The facts a reply uses, gathered as the reply is built: each method records a fact (name,
/// value, unit, source) and returns the figure as the reply shows it, so every figure in the
/// text is one of the facts by construction.
public struct FactSheet: Sendable {
    public private(set) var facts: [Fact] = []
    /// The currency money facts are in (ISO 4217).
    public let currency: String

    public init(currency: String = "USD") {
        self.currency = currency.isEmpty ? "USD" : currency
    }

    /// Records an amount of money; returns it as "$12,345.67" ("$20,000" for whole dollars).
    public mutating func money(_ name: String, _ cents: Int64, source: String) -> String {
        let shown = cents % 100 == 0 ? MoneyFormat.wholeDollars(cents) : MoneyFormat.dollars(cents)
        let value = shown.replacingOccurrences(of: "$", with: "")
        record(Fact(name: name, value: value, unit: currency, source: source))
        return shown
    }

    /// Records a fraction as a percentage with `decimals` places; returns "18.5%".
    public mutating func percent(_ name: String, _ fraction: Double, decimals: Int = 1, source: String) -> String {
        let value = Self.decimal(fraction * 100, places: decimals)
        record(Fact(name: name, value: value, unit: "percent", source: source))
        return value + "%"
    }

    /// Records a quantity in `unit` (months, years, debts); returns it as written ("4.2").
    public mutating func quantity(_ name: String, _ amount: Double, unit: String, decimals: Int = 0, source: String) -> String {
        let value = Self.decimal(amount, places: decimals)
        record(Fact(name: name, value: value, unit: unit, source: source))
        return value
    }

    /// Records a date; returns it as "June 30, 2028".
    public mutating func date(_ name: String, _ date: CivilDate, source: String) -> String {
        record(Fact(name: name, value: date.description, unit: "date", source: source))
        return "\(Self.monthNames[date.month - 1]) \(date.day), \(date.year)"
    }

    /// Records a month; returns it as "June 2028".
    public mutating func month(_ name: String, _ date: CivilDate, source: String) -> String {
        record(Fact(name: name, value: date.description, unit: "date", source: source))
        return "\(Self.monthNames[date.month - 1]) \(date.year)"
    }

    /// Adds facts gathered elsewhere (another analysis); a fact of a name already here replaces it.
    public mutating func merge(_ other: [Fact]) {
        for fact in other { record(fact) }
    }

    private mutating func record(_ fact: Fact) {
        if let index = facts.firstIndex(where: { $0.name == fact.name }) {
            facts[index] = fact
        } else {
            facts.append(fact)
        }
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// `value` with `places` decimals, half away from zero, locale-free.
    static func decimal(_ value: Double, places: Int) -> String {
        let scale = pow(10, Double(places))
        let rounded = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
        return String(format: "%.\(places)f", rounded)
    }
}
