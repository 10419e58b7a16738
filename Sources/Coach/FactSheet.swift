import Foundation
import FinanceEngine
import PlutusWire

/// The facts a reply uses, gathered as the reply is built: each method records a fact (name,
/// value, unit, source) and returns the figure as the reply shows it, so every figure in the
/// text is one of the facts by construction. Names the reply quotes (an account's, a goal's) are
/// kept too, so digits in them are not taken for figures.
struct FactSheet: Sendable {
    private(set) var facts: [Fact] = []
    /// Account names, goal titles and merchants the reply quotes.
    private(set) var names: [String] = []
    /// The currency money facts are in (ISO 4217).
    let currency: String

    init(currency: String = "USD") {
        self.currency = currency.isEmpty ? "USD" : currency
    }

    /// Records an amount of money; returns it as "$12,345.67" ("$20,000" for whole dollars), or
    /// "12,345.67 EUR" in another currency.
    mutating func money(_ name: String, _ cents: Int64, source: String) -> String {
        let plain = cents % 100 == 0 ? String(MoneyFormat.wholeDollars(cents).filter { $0 != "$" }) : MoneyFormat.plain(cents)
        record(Fact(name: name, value: plain, unit: currency, source: source))
        guard currency == "USD" else { return "\(plain) \(currency)" }
        return cents % 100 == 0 ? MoneyFormat.wholeDollars(cents) : MoneyFormat.dollars(cents)
    }

    /// Records a name the reply quotes ("Sapphire Preferred", "Trip to Japan 2027"); returns it.
    mutating func name(_ text: String) -> String {
        if !text.isEmpty, !names.contains(text) { names.append(text) }
        return text
    }

    /// Records a fraction as a percentage with `decimals` places; returns "18.5%".
    mutating func percent(_ name: String, _ fraction: Double, decimals: Int = 1, source: String) -> String {
        let value = Self.decimal(fraction * 100, places: decimals)
        record(Fact(name: name, value: value, unit: "percent", source: source))
        return value + "%"
    }

    /// Records a quantity in `unit` (months, years, debts); returns it as written ("4.2").
    mutating func quantity(_ name: String, _ amount: Double, unit: String, decimals: Int = 0, source: String) -> String {
        let value = Self.decimal(amount, places: decimals)
        record(Fact(name: name, value: value, unit: unit, source: source))
        return value
    }

    /// Records a date; returns it as "June 30, 2028".
    mutating func date(_ name: String, _ date: CivilDate, source: String) -> String {
        record(Fact(name: name, value: date.description, unit: "date", source: source))
        return "\(Self.monthNames[date.month - 1]) \(date.day), \(date.year)"
    }

    /// Records a month; returns it as "June 2028".
    mutating func month(_ name: String, _ date: CivilDate, source: String) -> String {
        record(Fact(name: name, value: date.description, unit: "date", source: source))
        return "\(Self.monthNames[date.month - 1]) \(date.year)"
    }

    /// Adds what another sheet gathered (another analysis, another goal); a fact of a name
    /// already here replaces it.
    mutating func merge(_ other: FactSheet) {
        for fact in other.facts { record(fact) }
        for name in other.names where !names.contains(name) { names.append(name) }
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
