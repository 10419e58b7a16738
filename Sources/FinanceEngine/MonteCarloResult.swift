/// The spread of outcomes of a ``MonteCarlo`` projection, in today's dollars.
public struct MonteCarloResult: Hashable, Sendable {
    /// The balance at the end of one year across all paths.
    public struct Year: Hashable, Sendable {
        /// 1 for the end of the first year.
        public let year: Int
        /// 10 % of paths end the year below this: a poor outcome.
        public let p10Cents: Int64
        /// The median outcome.
        public let p50Cents: Int64
        /// 10 % of paths end the year above this: a good outcome.
        public let p90Cents: Int64
    }

    /// One entry per year, in order.
    public let years: [Year]
    /// The share of paths (0…1) whose final balance meets the target; `nil` without a target.
    public let probabilityOfSuccess: Double?
    /// How many paths were simulated.
    public let paths: Int
    /// The seed they were drawn with.
    public let seed: UInt64

    /// The last year's spread.
    public var final: Year? { years.last }
}
