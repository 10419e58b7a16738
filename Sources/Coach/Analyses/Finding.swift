/// What one analysis found: the points to say and the facts (and quoted names) behind them.
struct Finding: Sendable {
    var points: [ReplyBrief.Point]
    var sheet: FactSheet

    init(points: [ReplyBrief.Point] = [], sheet: FactSheet = FactSheet()) {
        self.points = points
        self.sheet = sheet
    }

    /// Nothing to report (the person has no data for it).
    static let empty = Finding()
}
