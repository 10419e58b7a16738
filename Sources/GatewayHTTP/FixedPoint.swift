public import Foundation

/// A decimal number held exactly as an integer count of units and a number of decimal places —
/// cents (`units: 1234, places: 2` is 12.34), basis points as a percent — written to JSON as
/// that number.
///
/// Written through `Double`, which costs a fraction of Foundation's `Decimal` arithmetic and
/// formatting (the cost of `GET /context/current` was mostly that) and loses nothing: below
/// 10^15 units the number has at most 15 significant digits, so `Double(units) / 10^places` is
/// the double nearest to it, no other number of 15 digits or fewer is nearest to that double
/// (`DBL_DIG` is 15), and Swift writes a double as the shortest decimal that reads back as it —
/// the number's own digits. Larger magnitudes are written through `Decimal`.
public struct FixedPoint: Encodable, Hashable, Sendable, CustomStringConvertible {
    public let units: Int64
    public let places: Int

    private static let powers: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000]
    private static let exactLimit: UInt64 = 1_000_000_000_000_000

    /// `units` / 10^`places`; `places` from 0 to 8.
    public init(units: Int64, places: Int) {
        precondition(Self.powers.indices.contains(places), "0 to 8 decimal places")
        self.units = units
        self.places = places
    }

    /// An amount of money from its cents.
    public static func cents(_ cents: Int64) -> FixedPoint { FixedPoint(units: cents, places: 2) }

    /// A percentage from basis points (1234 bps is 12.34 %).
    public static func percent(basisPoints: Int64) -> FixedPoint { FixedPoint(units: basisPoints, places: 2) }

    /// The value as `Decimal` (exact at any magnitude).
    public var decimal: Decimal {
        Decimal(sign: units < 0 ? .minus : .plus, exponent: -places, significand: Decimal(units.magnitude))
    }

    public var description: String { "\(decimal)" }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if units.magnitude < Self.exactLimit {
            try container.encode(Double(units) / Self.powers[places])
        } else {
            try container.encode(decimal)
        }
    }
}
