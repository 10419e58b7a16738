internal import Foundation

/// Standard normal draws from a ``SeededGenerator`` by Marsaglia's polar method, which yields
/// them in pairs; the second is kept for the next call.
struct GaussianSampler {
    private var generator: SeededGenerator
    private var spare: Double?

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    mutating func next() -> Double {
        if let spare {
            self.spare = nil
            return spare
        }
        while true {
            let u = 2 * generator.nextUnit() - 1
            let v = 2 * generator.nextUnit() - 1
            let s = u * u + v * v
            guard s > 0, s < 1 else { continue }
            let factor = (-2 * log(s) / s).squareRoot()
            spare = v * factor
            return u * factor
        }
    }
}
