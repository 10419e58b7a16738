/// When in each period a payment falls: numpy-financial's `when` (`'end'` = 0, `'begin'` = 1).
public enum PaymentTiming: Int, Hashable, Sendable, CaseIterable {
    /// Payments at the end of each period (an ordinary annuity: loans, most savings plans).
    case end = 0
    /// Payments at the start of each period (an annuity due: rent, insurance premiums).
    case begin = 1

    /// numpy-financial's numeric `when`: 0 or 1.
    var factor: Double { Double(rawValue) }
}
