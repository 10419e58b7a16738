/// The real roots in (0, 1] of a polynomial, found without complex arithmetic: the critical
/// points (roots of the derivative, found the same way) cut (0, 1] into pieces on which the
/// polynomial is monotonic, and each piece whose ends differ in sign holds one root, found by
/// bisection. Staying inside the unit interval keeps every power of x at or below 1, so nothing
/// overflows, and Descartes' rule of signs stops the recursion as soon as no root can remain.
struct UnitIntervalRoots {
    /// Coefficients, lowest degree first: `c[0] + c[1]·x + c[2]·x² + …`.
    private let coefficients: [Double]

    init(coefficients: [Double]) {
        // Zero terms at either end only add roots at 0 (x^k factors) or lower the degree.
        var trimmed = ArraySlice(coefficients)
        while let last = trimmed.last, last == 0 { trimmed.removeLast() }
        while let first = trimmed.first, first == 0 { trimmed.removeFirst() }
        let scale = trimmed.map(abs).max() ?? 0
        self.coefficients = scale > 0 ? trimmed.map { $0 / scale } : []
    }

    /// The distinct roots in (0, 1], ascending.
    func roots() -> [Double] {
        guard coefficients.count > 1, signChanges > 0 else { return [] }
        let criticalPoints = derivative.roots()
        var found: [Double] = []
        var lower = 0.0
        for upper in criticalPoints + [1.0] {
            if let root = root(between: lower, and: upper), root != found.last { found.append(root) }
            lower = upper
        }
        return found
    }

    /// The polynomial at `x` (Horner's rule).
    func value(at x: Double) -> Double {
        coefficients.reversed().reduce(0) { $0 * x + $1 }
    }

    /// The root in (lower, upper] where the polynomial is monotonic, if its ends differ in sign.
    private func root(between lower: Double, and upper: Double) -> Double? {
        let upperValue = value(at: upper)
        if upperValue == 0 { return upper }
        let lowerValue = value(at: lower)
        guard lowerValue != 0, (lowerValue < 0) != (upperValue < 0) else { return nil }
        return bisect(lower, upper, lowerIsNegative: lowerValue < 0)
    }

    private func bisect(_ lower: Double, _ upper: Double, lowerIsNegative: Bool) -> Double {
        var (low, high) = (lower, upper)
        for _ in 0..<200 {
            let middle = (low + high) / 2
            guard middle > low, middle < high else { break }
            let middleValue = value(at: middle)
            if middleValue == 0 { return middle }
            if (middleValue < 0) == lowerIsNegative { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// How often the coefficients' signs alternate: by Descartes, a bound on the positive roots.
    private var signChanges: Int {
        let signs = coefficients.filter { $0 != 0 }.map { $0 < 0 }
        return zip(signs, signs.dropFirst()).filter { $0 != $1 }.count
    }

    private var derivative: UnitIntervalRoots {
        UnitIntervalRoots(coefficients: coefficients.enumerated().dropFirst().map { Double($0.offset) * $0.element })
    }
}
