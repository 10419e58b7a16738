import LanguageModels
import Testing

struct PromptRedactorTests {
    let redactor = PromptRedactor()

    @Test(
        "identifiers become placeholders",
        arguments: [
            ("write to jane.doe+plutus@example.co.uk today", "write to [email] today"),
            ("call (415) 555-0134 or +1 415 555 0134", "call [phone] or [phone]"),
            ("my number is 415-555-0134.", "my number is [phone]."),
            ("SSN 123-45-6789", "SSN [ssn]"),
            ("card 4111 1111 1111 1111 expires", "card [card number] expires"),
            ("card 4111-1111-1111-1111", "card [card number]"),
            ("routing 021000021 account 000123456789", "routing [routing number] account [account number]"),
            ("acct 1234 5678 9012", "acct [account number]"),
        ])
    func redacts(text: String, expected: String) {
        #expect(redactor.redact(text) == expected)
    }

    @Test(
        "money, dates, percentages and short numbers stay",
        arguments: [
            "I want to save $20,000 by 2028-06-30",
            "net worth is 1,234,567.89 USD",
            "my balance is $123456789",
            "rate 24.99% on a card ending 4242",
            "in 12 months, 3 goals, 1.5 million",
            "order 12345ab",
        ])
    func keeps(text: String) {
        #expect(redactor.redact(text) == text)
    }

    @Test("a number that fails Luhn or ABA is still an account number")
    func checksums() {
        #expect(redactor.redact("4111 1111 1111 1112") == "[account number]")
        #expect(redactor.redact("021000022") == "[account number]")
    }
}
