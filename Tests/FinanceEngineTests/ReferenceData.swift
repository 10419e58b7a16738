import FinanceEngine
import Foundation
import PlutusTestSupport
import Testing

/// numpy-financial's answers, from `reference.py` (run once per test process).
struct Reference: Decodable, Sendable {
    struct FV: Decodable, Sendable { let rate, nper, pmt, pv: Double, when: Timing, expected: Double? }
    struct PV: Decodable, Sendable { let rate, nper, pmt, fv: Double, when: Timing, expected: Double? }
    struct PMT: Decodable, Sendable { let rate, nper, pv, fv: Double, when: Timing, expected: Double? }
    struct NPER: Decodable, Sendable { let rate, pmt, pv, fv: Double, when: Timing, expected: Double? }
    struct Rate: Decodable, Sendable { let nper, pmt, pv, fv: Double, when: Timing, expected: Double? }
    struct NPV: Decodable, Sendable { let rate: Double, values: [Double], expected: Double? }
    struct IRR: Decodable, Sendable { let values: [Double], expected: Double? }
    struct PerPeriod: Decodable, Sendable { let rate, per, nper, pv, fv: Double, when: Timing, expected: Double? }

    struct Schedule: Decodable, Sendable {
        struct Row: Decodable, Equatable, Sendable { let month: Int, payment, interest, principal, balance: Int64 }
        let principalCents: Int64, annualRate: Double, months: Int, paymentCents: Int64, rows: [Row]
        let npfPmt: Double, npfIpmt: [Double], npfPpmt: [Double]
    }

    struct Goals: Decodable, Sendable {
        struct MonthsToReach: Decodable, Sendable {
            let targetCents, currentCents, contributionCents: Int64, annualReturn: Double, months: Int?
        }
        struct Contribution: Decodable, Sendable {
            let targetCents, currentCents: Int64, annualReturn: Double, months: Int, contributionCents: Int64
        }
        struct Projection: Decodable, Sendable {
            let currentCents, contributionCents: Int64, annualReturn: Double, months: Int, projectedCents: Int64
        }
        let monthsToReach: [MonthsToReach], contributions: [Contribution], projections: [Projection]
    }

    struct FeeDragCase: Decodable, Sendable {
        let startCents, contributionCents: Int64, annualReturn, expenseRatioBps: Double, years: Int
        let withoutFeesCents, withFeesCents, dragCents: Int64
    }

    /// numpy-financial's `when`.
    enum Timing: String, Decodable, Sendable {
        case end, begin
        var timing: PaymentTiming { self == .end ? .end : .begin }
    }

    let numpyFinancial: String
    let fv: [FV], pv: [PV], pmt: [PMT], nper: [NPER], rate: [Rate], npv: [NPV], irr: [IRR]
    let ipmt: [PerPeriod], ppmt: [PerPeriod]
    let amortization: [Schedule], goals: Goals, feeDrag: [FeeDragCase]

    /// The script's output, decoded; throws (failing the test, never skipping it) when python3 or
    /// numpy-financial is missing.
    static func load() throws -> Reference {
        try loaded.get()
    }

    private static let loaded: Result<Reference, ReferenceUnavailable> = {
        let script = Repository.path("Tests/FinanceEngineTests/reference.py")
        let output: String
        do {
            output = try ScriptRunner.runProgram("/usr/bin/env", ["python3", script])
        } catch {
            let hint = "it needs python3 with numpy-financial (`pip install numpy-financial`)"
            return .failure(ReferenceUnavailable(message: "\(script) failed; \(hint): \(error)"))
        }
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            // The JSON is one line; anything else (a stray warning) is left out.
            let json = output.split(separator: "\n").last { $0.hasPrefix("{") } ?? Substring(output)
            return .success(try decoder.decode(Reference.self, from: Data(json.utf8)))
        } catch {
            return .failure(
                ReferenceUnavailable(
                    message: "\(script)'s output is not the expected JSON: \(error)\n\(output.prefix(2_000))"))
        }
    }()
}

struct ReferenceUnavailable: Error, CustomStringConvertible, Sendable {
    let message: String
    var description: String { message }
}

/// Whether two dollar amounts agree to the cent (both `nil` agrees).
func agreeToTheCent(_ actual: Double?, _ expected: Double?) -> Bool {
    switch (actual, expected) {
    case (nil, nil): true
    case (let actual?, let expected?): abs(actual - expected) < 0.005
    default: false
    }
}

/// Whether two rates (or period counts) agree to 1e-9 relative (1e-12 absolute at zero).
func agreeClosely(_ actual: Double?, _ expected: Double?) -> Bool {
    switch (actual, expected) {
    case (nil, nil): true
    case (let actual?, let expected?): abs(actual - expected) <= 1e-9 * abs(expected) + 1e-12
    default: false
    }
}
