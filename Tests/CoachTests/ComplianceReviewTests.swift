import Coach
import PlutusWire
import Testing

/// The compliance pass: what it catches, and how it repairs.
@Suite struct ComplianceReviewTests {
    let facts = [
        Fact(name: "net_worth", value: "15,300", unit: "USD", source: "context_engine.net_worth"),
        Fact(name: "savings_rate", value: "32.5", unit: "percent", source: "finance_engine.savings_rate"),
        Fact(name: "goal_target_date", value: "2028-06-30", unit: "date", source: "goal_agent.extracted"),
    ]

    @Test func aReplyBuiltFromTheFactsPasses() {
        let reply = "Your net worth is $15,300 and you save 32.5% of your income; the goal date is June 30, 2028. Keep 3 months aside."
        #expect(ComplianceReview.review(reply, facts: facts, givesAdvice: false).isEmpty)
    }

    @Test func inventedFiguresAreCaught() {
        let violations = ComplianceReview.review("Your net worth is $15,900 and rising 7.2% a year.", facts: facts, givesAdvice: false)
        #expect(violations.contains(.unsupportedFigure("$15,900")))
        #expect(violations.contains(.unsupportedFigure("7.2%")))
        let outcome = ComplianceReview.enforce(
            "Your net worth is $15,900.", facts: facts, givesAdvice: false, fallback: "Your net worth is $15,300.")
        #expect(outcome.reply == "Your net worth is $15,300.")
        #expect(outcome.rewritten)
    }

    @Test func promisesAndNamedSecuritiesAreRemoved() {
        let reply = "Your net worth is $15,300. Index funds give guaranteed returns. You should buy TSLA now. Also consider selling Tesla. Keep saving."
        let violations = ComplianceReview.review(reply, facts: facts, givesAdvice: false)
        #expect(violations.contains { if case .promisedReturns = $0 { true } else { false } })
        #expect(violations.filter { if case .namedSecurity = $0 { true } else { false } }.count == 2)
        let outcome = ComplianceReview.enforce(reply, facts: facts, givesAdvice: false, fallback: "unused")
        #expect(outcome.reply == "Your net worth is $15,300. Keep saving.")
    }

    @Test func genericAdviceIsNotMistakenForANamedSecurity() {
        let reply = "Consider low-cost index funds, and buy ETFs with broad exposure rather than single stocks."
        #expect(ComplianceReview.review(reply, facts: facts, givesAdvice: false).isEmpty)
    }

    @Test func adviceGetsTheDisclaimer() {
        #expect(ComplianceReview.review("Pay the card first.", facts: [], givesAdvice: true) == [.missingDisclaimer])
        let outcome = ComplianceReview.enforce("Pay the card first.", facts: [], givesAdvice: true, fallback: "x")
        #expect(outcome.reply.hasSuffix(ComplianceReview.disclaimer))
    }
}
