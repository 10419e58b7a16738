public import PlutusWire

/// What one analysis found: the points to say and the facts behind them.
public struct Finding: Sendable {
    public var points: [ReplyBrief.Point]
    public var facts: [Fact]

    public init(points: [ReplyBrief.Point] = [], facts: [Fact] = []) {
        self.points = points
        self.facts = facts
    }

    /// Nothing to report (the person has no data for it).
    public static let empty = Finding()
}
