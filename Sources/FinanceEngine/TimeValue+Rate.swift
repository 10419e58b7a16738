internal import Foundation

extension TimeValue {
    /// The rate per period at which `nper` payments of `pmt` take `pv` to `fv` (`npf.rate`).
    ///
    /// Newton's iteration from `guess`, exactly as numpy-financial runs it: stop once a step moves
    /// the rate by less than `tolerance`, give up after `maxIterations`.
    /// - Returns: the rate, or `nil` when the iteration does not converge (numpy-financial's NaN).
    public static func rate(
        nper: Double, pmt: Double, pv: Double, fv: Double, when: PaymentTiming = .end,
        guess: Double = 0.1, tolerance: Double = 1e-6, maxIterations: Int = 100
    ) -> Double? {
        var current = guess
        for _ in 0..<max(maxIterations, 0) {
            let next = current - newtonStep(rate: current, nper: nper, pmt: pmt, pv: pv, fv: fv, when: when.factor)
            let converged = abs(next - current) < tolerance
            current = next
            if converged { return current.isFinite ? current : nil }
        }
        return nil
    }

    /// g(r) / g'(r) for g(r) = fv + pv(1+r)^n + pmt(1+rw)/r · ((1+r)^n − 1): numpy-financial's
    /// `_g_div_gp`, term for term, so the iterates match it to the last bit or two.
    private static func newtonStep(
        rate r: Double, nper n: Double, pmt p: Double, pv x: Double, fv y: Double, when w: Double
    ) -> Double {
        let t1 = pow(r + 1, n)
        let t2 = pow(r + 1, n - 1)
        let g = y + t1 * x + p * (t1 - 1) * (r * w + 1) / r
        let slope =
            n * t2 * x - p * (t1 - 1) * (r * w + 1) / (r * r)
            + n * p * t2 * (r * w + 1) / r + p * (t1 - 1) * w / r
        return g / slope
    }
}
