extension ChatTurn {
    /// The role of a turn that stands for older turns folded out of a long conversation: its
    /// content summarises them. It comes first in a request's history, at most once.
    public static let summaryRole = "summary"

    /// Whether this turn is the summary of folded turns rather than something someone said.
    public var isSummary: Bool { role == Self.summaryRole }
}
