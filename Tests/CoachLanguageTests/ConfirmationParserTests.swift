import CoachLanguage
import FinanceEngine
import Testing

@Suite("Confirmation parser")
struct ConfirmationParserTests {
    static let today = CivilDate(year: 2026, month: 11, day: 25)!

    @Test(arguments: [
        "yes", "Yes please", "yeah", "sure", "sounds good", "save it", "ok, do it", "go ahead", "yep!", "sí", "oui",
        "ja, gerne", "sim", "perfect", "let's do it",
    ])
    func confirms(text: String) {
        #expect(ConfirmationParser.reply(in: text, today: Self.today) == .confirm)
    }

    @Test(arguments: [
        "no", "nope", "not now", "no thanks", "don't save it", "maybe later", "nein", "non merci", "never mind",
    ])
    func declines(text: String) {
        #expect(ConfirmationParser.reply(in: text, today: Self.today) == .decline)
    }

    @Test func readsCorrections() {
        #expect(
            ConfirmationParser.reply(in: "change it to $25k", today: Self.today)
                == .correction(amountCents: 2_500_000, targetDate: nil))
        #expect(
            ConfirmationParser.reply(in: "no, make it 30k by 2029", today: Self.today)
                == .correction(amountCents: 3_000_000, targetDate: CivilDate(year: 2029, month: 12, day: 31)))
        #expect(
            ConfirmationParser.reply(in: "actually, next summer", today: Self.today)
                == .correction(amountCents: nil, targetDate: CivilDate(year: 2027, month: 7, day: 31)))
        #expect(
            ConfirmationParser.reply(in: "$25k?", today: Self.today)
                == .correction(amountCents: 2_500_000, targetDate: nil))
    }

    @Test(arguments: ["what's my net worth", "how should I invest", "tell me about index funds"])
    func isSilentOnOtherMessages(text: String) {
        #expect(ConfirmationParser.reply(in: text, today: Self.today) == nil)
    }
}
