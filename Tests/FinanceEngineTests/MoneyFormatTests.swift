import FinanceEngine
import Testing

@Suite("Money formatting and rounding")
struct MoneyFormatTests {
    @Test func dollarsAndCents() {
        #expect(MoneyFormat.dollars(1_234_567) == "$12,345.67")
        #expect(MoneyFormat.dollars(-123_400) == "-$1,234.00")
        #expect(MoneyFormat.dollars(0) == "$0.00")
        #expect(MoneyFormat.dollars(5) == "$0.05")
        #expect(MoneyFormat.dollars(-99) == "-$0.99")
        #expect(MoneyFormat.dollars(100_000_000) == "$1,000,000.00")
        #expect(MoneyFormat.dollars(.min) == "-$92,233,720,368,547,758.08")
        #expect(MoneyFormat.dollars(.max) == "$92,233,720,368,547,758.07")
    }

    @Test func plainHasNoSymbol() {
        #expect(MoneyFormat.plain(1_234_567) == "12,345.67")
        #expect(MoneyFormat.plain(-10) == "-0.10")
        #expect(MoneyFormat.plain(99_999) == "999.99")
    }

    @Test func wholeDollarsRoundHalfAwayFromZero() {
        #expect(MoneyFormat.wholeDollars(1_234_567) == "$12,346")
        #expect(MoneyFormat.wholeDollars(1_234_549) == "$12,345")
        #expect(MoneyFormat.wholeDollars(-150) == "-$2")
        #expect(MoneyFormat.wholeDollars(-49) == "$0")
        #expect(MoneyFormat.wholeDollars(123_456_789_00) == "$123,456,789")
    }

    @Test func percentFromBasisPoints() {
        #expect(MoneyFormat.percent(bps: 2_499) == "24.99%")
        #expect(MoneyFormat.percent(bps: 500) == "5.00%")
        #expect(MoneyFormat.percent(bps: -150) == "-1.50%")
        #expect(MoneyFormat.percent(bps: 5) == "0.05%")
        #expect(MoneyFormat.percent(bps: 123_456) == "1,234.56%")
    }

    @Test func percentFromFractions() {
        #expect(MoneyFormat.percent(fraction: 0.2534) == "25.3%")
        #expect(MoneyFormat.percent(fraction: 0.2, fractionDigits: 0) == "20%")
        #expect(MoneyFormat.percent(fraction: -0.0505, fractionDigits: 2) == "-5.05%")
        #expect(MoneyFormat.percent(fraction: 0.00001, fractionDigits: 1) == "0.0%")
        #expect(MoneyFormat.percent(fraction: 1.5) == "150.0%")
        #expect(MoneyFormat.percent(fraction: .nan) == "—")
    }

    @Test func centsRoundHalfAwayFromZero() {
        #expect(Cents.fromDollars(12.345) == 1_235)  // 12.345 × 100 rounds to exactly 1234.5
        #expect(Cents.fromDollars(-0.125) == -13)
        #expect(Cents.fromDollars(0.004) == 0)
        #expect(Cents.fromDollars(1.005) == 100)  // 1.005 × 100 is 100.49999999999999 in binary
        #expect(Cents.fromDollars(.nan) == 0)
        #expect(Cents.fromDollars(1e300) == .max && Cents.fromDollars(-1e300) == .min)
        #expect(Cents.toDollars(1_234) == 12.34)
    }

    @Test func roundingUpIgnoresFloatingPointNoise() {
        #expect(Cents.fromDollarsRoundingUp(1.001) == 101)
        #expect(Cents.fromDollarsRoundingUp(100.000000000001) == 10_000)
        #expect(Cents.fromDollarsRoundingUp(-1.009) == -100)
    }
}
