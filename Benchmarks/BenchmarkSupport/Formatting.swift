import Foundation

/// Formats `value` with `decimals` digits after the point.
public func formatted(_ value: Double, _ decimals: Int = 1) -> String {
    String(format: "%.\(decimals)f", value)
}
