import CoachLanguage
import FinanceEngine
import Testing

@Suite("Date parser")
struct DateParserTests {
    static let today = CivilDate(year: 2026, month: 11, day: 25)!

    /// (text, expected ISO date, precision)
    static let cases: [(String, String, DatePrecision)] = [
        ("by June 2028", "2028-06-30", .month),
        ("2028-06-01", "2028-06-01", .day),
        ("06/2028", "2028-06-30", .month),
        ("in five years", "2031-11-25", .year),
        ("in 18 months", "2028-05-25", .month),
        ("within 3 years", "2029-11-25", .year),
        ("next summer", "2027-07-31", .season),
        ("by Christmas", "2026-12-25", .day),
        ("end of next year", "2027-12-31", .year),
        ("next year", "2027-12-31", .year),
        ("by 2030", "2030-12-31", .year),
        ("in a decade", "2036-11-25", .year),
        ("in two and a half years", "2029-05-25", .month),
        ("a year and a half from now", "2028-05-25", .month),
        ("in the next 3 years", "2029-11-25", .year),
        ("June 5th, 2028", "2028-06-05", .day),
        ("5th of June", "2027-06-05", .day),
        ("June 5", "2027-06-05", .day),
        ("by March", "2027-03-31", .month),
        ("by the end of the month", "2026-11-30", .month),
        ("by the end of the year", "2026-12-31", .year),
        ("next month", "2026-12-31", .month),
        ("mid 2028", "2028-06-30", .month),
        ("early next year", "2027-03-31", .month),
        ("the beginning of 2029", "2029-01-01", .month),
        ("this winter", "2027-01-31", .season),
        ("summer 2028", "2028-07-31", .season),
        ("6/5/2028", "2028-06-05", .day),
        ("25/12/2027", "2027-12-25", .day),
        ("01.06.2028", "2028-06-01", .day),
        ("by new year's eve", "2026-12-31", .day),
        ("thanksgiving", "2026-11-26", .day),
        ("christmas 2027", "2027-12-25", .day),
        ("in 3 weeks", "2026-12-16", .day),
        ("en cinco años", "2031-11-25", .year),
        ("para junio de 2028", "2028-06-30", .month),
        ("el año que viene", "2027-12-31", .year),
        ("dans deux ans", "2028-11-25", .year),
        ("l'année prochaine", "2027-12-31", .year),
        ("avant juin 2028", "2028-06-30", .month),
        ("in 3 Jahren", "2029-11-25", .year),
        ("bis Ende nächsten Jahres", "2027-12-31", .year),
        ("nächstes Jahr", "2027-12-31", .year),
        ("em dois anos", "2028-11-25", .year),
        ("tra due anni", "2028-11-25", .year),
        ("entro giugno 2028", "2028-06-30", .month),
    ]

    @Test(arguments: cases)
    func resolves(text: String, iso: String, precision: DatePrecision) throws {
        let parsed = try #require(DateParser.date(in: text, today: Self.today), "no date in \(text)")
        #expect(parsed.date.description == iso)
        #expect(parsed.precision == precision)
        #expect(!parsed.isPast)
    }

    @Test(arguments: ["by June 2020", "2 years ago", "in 2019", "2025-01-01"])
    func flagsPastDates(text: String) throws {
        let parsed = try #require(DateParser.date(in: text, today: Self.today))
        #expect(parsed.isPast)
    }

    @Test(arguments: [
        "I may buy a house", "we march on", "I have 2028 reasons", "$2030", "20k", "I'm 34", "it will fall apart",
        "real estate", "what's my net worth", "31/02/2028", "Feb 30", "2028-13-01",
    ])
    func findsNoDateIn(text: String) {
        #expect(DateParser.date(in: text, today: Self.today) == nil)
    }

    @Test func keepsTheMatchedText() throws {
        let text = "I want to buy a house by June 2028, maybe in 18 months"
        let dates = DateParser.dates(in: text, today: Self.today)
        #expect(dates.map(\.text) == ["June 2028", "in 18 months"])
        #expect(dates.allSatisfy { text[$0.range] == $0.text })
    }

    @Test func resolvesRelativeToToday() throws {
        let leapDay = try #require(CivilDate(year: 2028, month: 2, day: 29))
        #expect(DateParser.date(in: "in a year", today: leapDay)?.date.description == "2029-02-28")
        let december = try #require(CivilDate(year: 2026, month: 12, day: 28))
        #expect(DateParser.date(in: "by Christmas", today: december)?.date.description == "2027-12-25")
        #expect(DateParser.date(in: "next summer", today: december)?.date.description == "2027-07-31")
    }
}
