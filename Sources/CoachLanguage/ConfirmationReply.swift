public import FinanceEngine

/// How a person answered a proposal ("Shall I save this goal?").
public enum ConfirmationReply: Hashable, Sendable {
    /// Yes: "yes", "sounds good", "save it", "sí", "oui", "ja".
    case confirm
    /// No: "no", "not now", "don't save it", "nein".
    case decline
    /// Not as proposed: "change it to $25k", "make it 2029", "actually 30k": a decline that carries the fix.
    case correction(amountCents: Int64?, targetDate: CivilDate?)
}
