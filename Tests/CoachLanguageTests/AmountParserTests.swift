import CoachLanguage
import Testing

@Suite("Amount parser")
struct AmountParserTests {
    /// (text, cents, isCurrency, currency, rate)
    static let money: [(String, Int64, Bool, String?, AmountRate?)] = [
        ("$20k", 2_000_000, true, "USD", nil),
        ("20k", 2_000_000, true, nil, nil),
        ("$20,000", 2_000_000, true, "USD", nil),
        ("20,000 dollars", 2_000_000, true, "USD", nil),
        ("20 000 €", 2_000_000, true, "EUR", nil),
        ("1.2 million", 120_000_000, false, nil, nil),
        ("$1.5M", 150_000_000, true, "USD", nil),
        ("5 grand", 500_000, true, nil, nil),
        ("twenty thousand dollars", 2_000_000, true, "USD", nil),
        ("a hundred bucks", 10_000, true, "USD", nil),
        ("$250/month", 25_000, true, "USD", .month),
        ("$500 a month", 50_000, true, "USD", .month),
        ("£300 per week", 30_000, true, "GBP", .week),
        ("6k a year", 600_000, true, nil, .year),
        ("half a million", 50_000_000, false, nil, nil),
        ("two and a half million euros", 250_000_000, true, "EUR", nil),
        ("$1,234.56", 123_456, true, "USD", nil),
        ("1.250 €", 125_000, true, "EUR", nil),
        ("1,5 millones de euros", 150_000_000, true, "EUR", nil),
        ("20 mil euros", 2_000_000, true, "EUR", nil),
        ("veinte mil dólares", 2_000_000, true, "USD", nil),
        ("€ 3.000", 300_000, true, "EUR", nil),
        ("US$ 75", 7_500, true, "USD", nil),
        ("5000", 500_000, false, nil, nil),
        ("a couple thousand", 200_000, false, nil, nil),
        ("300 quid", 30_000, true, "GBP", nil),
        ("2 bn", 200_000_000_000, false, nil, nil),
        ("50 EUR monthly", 5_000, true, "EUR", .month),
    ]

    @Test(arguments: money)
    func readsMoney(text: String, cents: Int64, isCurrency: Bool, currency: String?, per: AmountRate?) throws {
        let amounts = AmountParser.amounts(in: text)
        let amount = try #require(amounts.first, "no amount in \(text)")
        #expect(amounts.count == 1)
        #expect(amount.cents == cents)
        #expect(amount.isCurrency == isCurrency)
        #expect(amount.currency == currency)
        #expect(amount.per == per)
    }

    @Test(arguments: [
        "2028", "June 5", "I'm 34", "I am 34 years old", "retire at 60", "in 5 years", "18 months", "my 401k",
        "the 5th", "06/2028", "2028-06-01", "I have two kids", "3.5%", "5 de junio", "aged 45", "a 30-year mortgage",
        "99999999999999999999 dollars", "31/02/2028",
    ])
    func ignoresNumbersThatAreNotAmounts(text: String) {
        #expect(AmountParser.amounts(in: text).isEmpty, "\(AmountParser.amounts(in: text).map(\.text))")
    }

    @Test func findsSeveralAmountsAndTheirText() {
        let text = "I'm 34, earn $85k a year, have 12,000 saved and want 20k by June 2028"
        let amounts = AmountParser.amounts(in: text)
        #expect(amounts.map(\.cents) == [8_500_000, 1_200_000, 2_000_000])
        #expect(amounts.map(\.text) == ["$85k a year", "12,000", "20k"])
        #expect(amounts.map(\.per) == [.year, nil, nil])
        #expect(amounts.allSatisfy { text[$0.range] == $0.text })
    }

    @Test func convertsRatesToMonthly() {
        let amounts = AmountParser.amounts(in: "$600 a year, $100 a week, $250/month, $40")
        #expect(amounts.map(\.monthlyCents) == [5_000, 43_333, 25_000, nil])
    }

    @Test(arguments: [("3.5%", 3.5), ("7 percent", 7), ("20 por ciento", 20), ("five percent", 5), ("4,5 %", 4.5)])
    func readsPercentages(text: String, value: Double) throws {
        let percentage = try #require(AmountParser.percentages(in: text).first)
        #expect(percentage.value == value)
        #expect(AmountParser.amounts(in: text).isEmpty)
    }
}
