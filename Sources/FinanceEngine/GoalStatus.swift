/// Whether a goal is on course to be met by its date: a forecast, not the goal's lifecycle
/// (active, paused…), which is the app's.
public enum GoalStatus: String, Hashable, Sendable, CaseIterable {
    /// The balance already meets the target.
    case achieved
    /// The projected balance at the target date meets the target (≥ 100 %).
    case onTrack = "on_track"
    /// The projection falls short, but not by much (85 % to 100 % of the target).
    case atRisk = "at_risk"
    /// The projection falls well short (under 85 %), or the date has passed, or it never gets there.
    case offTrack = "off_track"

    /// The smallest share of the target a projection needs to be ``onTrack``.
    public static let onTrackShare = 1.0
    /// The smallest share of the target a projection needs to be ``atRisk`` rather than ``offTrack``.
    public static let atRiskShare = 0.85

    /// The status of a goal `targetCents` that holds `currentCents` now and is projected to hold
    /// `projectedCents` at its date.
    public init(currentCents: Int64, projectedCents: Int64, targetCents: Int64) {
        if currentCents >= targetCents {
            self = .achieved
        } else {
            let share = Double(projectedCents) / Double(targetCents)
            self = share >= Self.onTrackShare ? .onTrack : share >= Self.atRiskShare ? .atRisk : .offTrack
        }
    }
}
