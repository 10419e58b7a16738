import Foundation
import GatewayHTTP
import PlutusTestSupport
import Testing

/// Money and rates written to JSON through `FixedPoint` are exactly their digits.
struct FixedPointTests {
    private func json(_ value: FixedPoint) throws -> String {
        String(decoding: try JSONEncoder().encode([value]), as: UTF8.self).dropFirst().dropLast().description
    }

    @Test func knownValuesAreWrittenAsTheirDigits() throws {
        #expect(try json(.cents(1234)) == "12.34")
        #expect(try json(.cents(-5)) == "-0.05")
        #expect(try json(.cents(10)) == "0.1")
        #expect(try json(.cents(0)) == "0")
        #expect(try json(.cents(123_456_789_012)) == "1234567890.12")
        #expect(try json(FixedPoint(units: 1_500_000, places: 6)) == "1.5")
        #expect(try json(.percent(basisPoints: 2_375)) == "23.75")
    }

    @Test func everyValueReadsBackExactly() throws {
        var random = SplitMix64(seed: 20_261_208)
        for _ in 0..<20_000 {
            let places = Int(random.next() % 9)
            let magnitude = random.next() % [10, 1_000, 1_000_000, 1_000_000_000, 999_999_999_999_999][Int(random.next() % 5)]
            let units = Int64(magnitude) * (random.next() % 2 == 0 ? 1 : -1)
            let value = FixedPoint(units: units, places: places)
            let text = try json(value)
            #expect(Decimal(string: text) == value.decimal, "\(units) at \(places) places was written \(text)")
        }
        // Past 15 digits, through Decimal: still exact.
        let huge = FixedPoint(units: 9_123_456_789_012_345_678, places: 2)
        #expect(Decimal(string: try json(huge)) == huge.decimal)
    }
}
